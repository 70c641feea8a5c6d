package org.newspipeline.query.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.InvalidPayloadException;
import org.newspipeline.query.story.StoryAssignment;
import org.newspipeline.query.story.StoryMerge;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.generic.Requests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The articles' search index: a view of {@code articles.enriched} that can be rebuilt from it at
 * any time. Searches and writes go through the alias {@link IndexConfig#name()}; the index behind
 * it ({@code articles-1}, ...) is made from {@code opensearch/articles.json}.
 */
@ApplicationScoped
public class ArticleIndex {

    /** Errors of one document that writing it again will not change (its values, its mapping). */
    private static final Set<Integer> REFUSED = Set.of(400, 413);
    private static final int CONFLICT = 409;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(ArticleIndex.class);
    /** No search runs longer in OpenSearch; it answers what it found as timed out, which is a 503 here. */
    private static final String SEARCH_TIME_LIMIT = "5s";

    private final OpenSearchClient client;
    private final IndexConfig config;
    private volatile boolean exists;

    public ArticleIndex(OpenSearchClient client, IndexConfig config) {
        this.client = client;
        this.config = config;
    }

    /** The alias every search and write goes through. */
    public String alias() {
        return config.name();
    }

    /** Creates the first index behind the alias unless it exists (another replica may make it at the same time). */
    public void ensure() {
        if (exists) {
            return;
        }
        try {
            if (!client.indices().existsAlias(a -> a.name(alias())).value()) {
                create(alias() + "-1", true);
            } else {
                addNewFields();
            }
            exists = true;
        } catch (IOException | OpenSearchException e) {
            throw new IndexUnavailableException(e);
        }
    }

    /**
     * Gives an index made by an earlier version the fields added since (new fields are all a
     * mapping may gain; a changed one takes a rebuild).
     */
    private void addNewFields() throws IOException {
        boolean hadStories = send("GET", "/" + alias() + "/_mapping/field/story_id", Map.of(), null).text().contains("\"story_id\"");
        ObjectNode properties = JSON.createObjectNode();
        properties.set("properties", definition().path("mappings").path("properties"));
        Answer answer = send("PUT", "/" + alias() + "/_mapping", Map.of(), properties);
        if (answer.status() == 400) {
            // A field whose definition changed: searches and writes go on with the old one until a rebuild.
            LOG.warnf("the index behind %s differs from opensearch/articles.json (%s): rebuild it (POST /index/rebuild)",
                    alias(), answer.text());
            return;
        }
        if (answer.status() >= 300) {
            throw new IndexUnavailableException(new IllegalStateException("could not add new fields to " + alias()
                    + ": HTTP " + answer.status() + " " + answer.text()));
        }
        if (hadStories) {
            return;
        }
        // Articles indexed before stories existed are each a story of their own until enriched again
        // (collapsing would otherwise put all of them in one group); a background task on the node.
        ObjectNode alone = JSON.createObjectNode();
        alone.putObject("query").putObject("bool").putObject("must_not").putObject("exists").put("field", "story_id");
        alone.putObject("script").put("lang", "painless")
                .put("source", "ctx._source.story_id = ctx._id; ctx._source.copy_group = ctx._id");
        send("POST", "/" + alias() + "/_update_by_query", Map.of("conflicts", "proceed", "wait_for_completion", "false"), alone);
    }

    private static ObjectNode definition() throws IOException {
        return (ObjectNode) JSON.readTree(ArticleIndex.class.getResourceAsStream("/opensearch/articles.json"));
    }

    /** @param aliased whether the alias points at it from the start (the first index) or later (a rebuild's) */
    private void create(String index, boolean aliased) throws IOException {
        ObjectNode body = definition();
        ((ObjectNode) body.path("settings").path("index")).put("number_of_shards", config.shards())
                .put("number_of_replicas", config.replicas());
        if (aliased) {
            body.putObject("aliases").putObject(alias()).put("is_write_index", true);
        }
        Answer answer = send("PUT", "/" + index, Map.of(), body);
        boolean exists = answer.text().contains("resource_already_exists_exception");
        // Another replica's first index is ours too; a rebuild's target must be new (a leftover is not).
        if (answer.status() >= 300 && !(exists && aliased)) {
            throw new IndexUnavailableException(new IllegalStateException("could not create " + index + ": HTTP "
                    + answer.status() + " " + answer.text()));
        }
    }

    /** One record of the log: an article to index, or (article null) the deletion of the one with that id. */
    public record Change(String id, EnrichedArticle article) {

        /**
         * A record of {@code articles.enriched} as a change, or empty when it names no article: not an
         * enriched article, or a tombstone without a key (the materializer dead-letters those).
         */
        static Optional<Change> of(ConsumerRecord<String, byte[]> r) {
            if (r.value() == null) {
                return Optional.ofNullable(r.key()).map(id -> new Change(id, null));
            }
            try {
                EnrichedArticle article = ContractJson.read(r.value(), EnrichedArticle.class);
                return Optional.of(new Change(article.id(), article));
            } catch (InvalidPayloadException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * What a batch did.
     *
     * @param refused the articles OpenSearch refused, by id, each with its reason; they will never be indexed as they are
     */
    public record Written(Map<String, String> refused) {
    }

    /**
     * Writes a batch in one bulk request, in order: each article unless a newer enrichment of it is
     * indexed, each deletion whether or not the article is there. It returns once searches see the
     * batch (the index's next refresh), so that what is announced as new can be found.
     *
     * @throws IndexUnavailableException when OpenSearch could not take the batch now (away, busy): write it again later
     */
    public Written write(List<Change> changes, Map<String, StoryAssignment> places) {
        ensure();
        return write(alias(), changes, places, Refresh.WaitFor);
    }

    /** As {@link #write}, into one index (a rebuild's), returning without waiting for searches to see it. */
    Written writeInto(String index, List<Change> changes, Map<String, StoryAssignment> places) {
        return write(index, changes, places, Refresh.False);
    }

    /**
     * Moves the articles of merged stories or copy groups to the group they joined, once searches
     * see them (the articles written before the merge are found by their old group): one request
     * per field for the whole batch, as each forces a refresh.
     */
    public void merge(List<StoryMerge> merges) {
        for (Map.Entry<String, Map<String, String>> field : StoryMerge.moves(merges).entrySet()) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode from = body.putObject("query").putObject("terms").putArray(field.getKey());
            field.getValue().keySet().forEach(from::add);
            ObjectNode params = body.putObject("script").put("lang", "painless").put("source", """
                    String to = params.moves.get(ctx._source[params.field]);
                    if (to == null) { ctx.op = 'noop' } else { ctx._source[params.field] = to }""")
                    .putObject("params").put("field", field.getKey());
            field.getValue().forEach(params.putObject("moves")::put);
            JsonNode done = call("POST", "/" + alias() + "/_update_by_query", Map.of("conflicts", "proceed", "refresh", "true"), body);
            if (done.path("version_conflicts").asLong() > 0 || !done.path("failures").isEmpty()) {
                // Doing the batch again here stalled indexing while a node was down (containers test): the
                // articles not moved keep their old group in the index until they are written again.
                LOG.warnf("moving %s left %d version conflicts, failures %s", field.getValue(),
                        done.path("version_conflicts").asLong(), done.path("failures"));
            }
        }
    }

    private Written write(String target, List<Change> changes, Map<String, StoryAssignment> places, Refresh refresh) {
        List<BulkOperation> operations = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (Change c : changes) {
            EnrichedArticle a = c.article();
            String refusal = IndexDocument.refusal(c.id(), a);
            if (refusal != null) {
                refused.put(c.id(), refusal); // OpenSearch would refuse the whole request that held it
                continue;
            }
            operations.add(a == null ? BulkOperation.of(o -> o.delete(d -> d.index(target).id(c.id())))
                    : BulkOperation.of(o -> o.index(i -> i.index(target).id(a.id())
                    .document(IndexDocument.of(a, places.getOrDefault(a.id(), StoryAssignment.alone(a.id()))))
                    .version(IndexDocument.version(a)).versionType(VersionType.ExternalGte))));
        }
        if (operations.isEmpty()) {
            return new Written(refused);
        }
        BulkResponse response;
        try {
            response = client.bulk(b -> b.operations(operations).refresh(refresh));
        } catch (OpenSearchException e) {
            if (REFUSED.contains(e.status())) {
                // The request as a whole was refused for what it holds (an id OpenSearch takes for none,
                // a negative version): the indexer splits the batch to find the record.
                throw new IllegalArgumentException("the search index refused the batch: " + e.getMessage(), e);
            }
            throw new IndexUnavailableException(e);
        } catch (IOException e) {
            throw new IndexUnavailableException(e);
        }
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null || item.status() == CONFLICT || item.status() == 404) {
                continue; // written, an older enrichment, or a deletion of what was not there
            }
            String reason = item.error().type() + ": " + item.error().reason();
            if (!REFUSED.contains(item.status())) {
                throw new IndexUnavailableException(new IllegalStateException("HTTP " + item.status() + " " + reason));
            }
            refused.put(item.id(), reason);
        }
        return new Written(refused);
    }

    /**
     * Runs a search ({@code _search} body) on the alias.
     *
     * @throws IndexUnavailableException when OpenSearch is away, busy or too slow
     */
    public JsonNode search(ObjectNode body) {
        ensure();
        body.put("timeout", SEARCH_TIME_LIMIT);
        JsonNode answer = call("POST", "/" + alias() + "/_search", Map.of("allow_partial_search_results", "false"), body);
        if (answer.path("timed_out").asBoolean()) {
            throw new IndexUnavailableException(new IllegalStateException("the search ran past " + SEARCH_TIME_LIMIT));
        }
        return answer;
    }

    /** Opens a point in time on the alias: a snapshot that pages of one long read all see alike. */
    public String openPointInTime(Duration keepAlive) {
        ensure();
        return call("POST", "/" + alias() + "/_search/point_in_time", Map.of("keep_alive", keepAlive.toSeconds() + "s"), null)
                .path("pit_id").asText();
    }

    /** Runs a search whose body names its point in time ({@code "pit": {"id": ...}}). */
    public JsonNode searchAt(ObjectNode body) {
        return call("POST", "/_search", Map.of("allow_partial_search_results", "false"), body);
    }

    public void closePointInTime(String id) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("pit_id").add(id);
        try {
            call("DELETE", "/_search/point_in_time", body);
        } catch (RuntimeException e) {
            LOG.debugf("a point in time was left to expire: %s", e.getMessage()); // it ends with its keep-alive
        }
    }

    /** The index the alias points at now. */
    String current() {
        JsonNode aliases = call("GET", "/_alias/" + alias(), null);
        return aliases.fieldNames().next();
    }

    /** A new, empty index for a rebuild: the next generation after {@code current} ({@code articles-2} after {@code articles-1}). */
    String createNext(String current) {
        String next = alias() + "-" + (Long.parseLong(current.substring(current.lastIndexOf('-') + 1)) + 1);
        try {
            create(next, false);
        } catch (IOException e) {
            throw new IndexUnavailableException(e);
        }
        return next;
    }

    /** Points the alias from one index to the other in one step: no search sees both or neither. */
    void moveAlias(String from, String to) {
        ObjectNode body = JSON.createObjectNode();
        var actions = body.putArray("actions");
        actions.addObject().putObject("remove").put("index", from).put("alias", alias());
        actions.addObject().putObject("add").put("index", to).put("alias", alias()).put("is_write_index", true);
        call("POST", "/_aliases", body);
    }

    void delete(String index) {
        call("DELETE", "/" + index, null);
    }

    /** How many articles an index holds (after its last refresh). */
    long count(String index) {
        return call("GET", "/" + index + "/_count", null).path("count").asLong();
    }

    private JsonNode call(String method, String endpoint, ObjectNode body) {
        return call(method, endpoint, Map.of(), body);
    }

    private JsonNode call(String method, String endpoint, Map<String, String> parameters, ObjectNode body) {
        try {
            Answer answer = send(method, endpoint, parameters, body);
            int status = answer.status();
            if (status == 429 || status >= 500) {
                throw new IndexUnavailableException(new IllegalStateException(method + " " + endpoint + ": HTTP " + status));
            }
            if (status == 400 && endpoint.endsWith("/_search")) {
                JsonNode error = JSON.readTree(answer.body()).path("error");
                JsonNode cause = error.path("root_cause").path(0);
                throw new SearchRefusedException((cause.isMissingNode() ? error : cause).path("type").asText("refused"));
            }
            if (status >= 300) {
                throw new IllegalStateException("OpenSearch refused " + method + " " + endpoint + ": HTTP " + status + " " + answer.text());
            }
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IndexUnavailableException(e);
        }
    }

    private record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One REST request as it is, whatever its status; failing only when OpenSearch cannot be reached. */
    private Answer send(String method, String endpoint, Map<String, String> parameters, ObjectNode body) throws IOException {
        var request = Requests.builder().method(method).endpoint(endpoint).query(parameters);
        if (body != null) {
            request.json(JSON.writeValueAsString(body));
        }
        try (var response = client.generic().execute(request.build())) {
            return new Answer(response.getStatus(), response.getBody().map(b -> b.bodyAsBytes()).orElse(new byte[0]));
        }
    }
}
