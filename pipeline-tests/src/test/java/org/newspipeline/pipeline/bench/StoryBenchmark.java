package org.newspipeline.pipeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.TextSignature;
import org.newspipeline.localstack.Ports;
import org.newspipeline.localstack.PrivatePostgres;
import org.newspipeline.query.story.StoryAssigner;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Story assignment at scale: PostgreSQL holding {@code stored} assigned articles (the Reuters-21578
 * stories repeated with their dates moved by 30 days per round, each a text of its own, with their
 * real entities and word sketches), then {@code probes} more Reuters stories assigned one per
 * transaction by the code the indexer runs ({@link StoryAssigner}), each timed.
 * Arguments: stored (1,000,000), probes (2,000).
 * <pre>./mvnw -q -pl pipeline-tests test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.newspipeline.pipeline.bench.StoryBenchmark</pre>
 */
public final class StoryBenchmark {

    private static final DateTimeFormatter REUTERS_DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d-MMM-yyyy HH:mm:ss").toFormatter(Locale.ROOT);
    private static final Pattern REUTERS_DAY_TIME = Pattern.compile("(\\d{1,2}-[A-Za-z]{3}-\\d{4})\\s+(\\d{2}:\\d{2}:\\d{2})");
    private static final Duration ROUND = Duration.ofDays(30);
    private static final int COPY_CHUNK = 5_000;
    private static final int WARM_UP = 100;

    private record Story(String title, String body, Instant at, List<String> entities, TextSignature signature) {
    }

    private StoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int stored = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int probes = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path reuters = Bench.sharedData().resolve("reuters21578");
        if (!Files.isDirectory(reuters)) {
            System.err.println("Reuters data not found at " + reuters + " (see ../shared/data/README.md)");
            System.exit(2);
        }
        List<Story> stories = load(reuters);
        Path dir = Files.createTempDirectory("story-bench");
        try (PrivatePostgres postgres = PrivatePostgres.start(Ports.free(), dir.resolve("postgres"), true, "news", false);
             Connection c = DriverManager.getConnection(postgres.jdbcUrl(), PrivatePostgres.USER, "")) {
            try (Statement s = c.createStatement(); InputStream schema = StoryAssigner.class.getResourceAsStream("/db/migration/V7__stories.sql")) {
                s.execute(new String(schema.readAllBytes(), StandardCharsets.UTF_8));
            }
            long loadStart = System.nanoTime();
            fill(c, stories, stored);
            System.out.printf("%,d assigned articles stored in %.0f s (COPY, indexes included)%n", stored,
                    (System.nanoTime() - loadStart) / 1e9);
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE story_member");
            }

            Random random = new Random(7);
            int rounds = Math.max(1, stored / stories.size());
            long[] nanos = new long[probes];
            int joined = 0;
            c.setAutoCommit(false);
            // The first assignments of a connection take far longer (statements prepared and planned, pages read in):
            // the warm-up's are not counted.
            for (int i = -WARM_UP; i < probes; i++) {
                Story s = stories.get(random.nextInt(stories.size()));
                Instant at = s.at().plus(ROUND.multipliedBy(random.nextInt(rounds)));
                EnrichedArticle probe = article("probe" + i, s, at);
                long start = System.nanoTime();
                var assigned = StoryAssigner.assign(c, List.of(probe), List.of());
                c.commit();
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - start;
                    joined += assigned.places().get(probe.id()).storyId().equals(probe.id()) ? 0 : 1;
                }
            }
            System.out.printf("story assignment at %,d stored articles, one article per transaction after %d to warm up: %s;"
                    + " %d of %d joined a story%n", stored, WARM_UP, Bench.percentiles(nanos), joined, probes);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT pg_size_pretty(pg_total_relation_size('story_member'))")) {
                rs.next();
                System.out.printf("story_member with its indexes: %s%n", rs.getString(1));
            }
        }
    }

    /** {@code stored} rows: the stories round after round, 30 days apart, each a text of its own. */
    private static void fill(Connection c, List<Story> stories, int stored) throws Exception {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Random random = new Random(1);
        StringBuilder rows = new StringBuilder();
        StringBuilder entities = new StringBuilder();
        for (int n = 0; n < stored; n++) {
            Story s = stories.get(n % stories.size());
            Instant at = s.at().plus(ROUND.multipliedBy(n / stories.size()));
            // Another text in every round: copy signatures of its own (the words and entities stay).
            int[] copyHashes = random.ints(TextSignature.COPY_HASHES).toArray();
            String id = "a" + n;
            rows.append(id).append('\t').append(id).append('\t').append(id).append("\t1\t\\N\t").append(clean(s.title()))
                    .append("\tReuters\ten\t").append(at).append('\t').append(at).append('\t')
                    .append(array(s.entities().stream().map(StoryBenchmark::quoted).toList())).append('\t')
                    .append(array(Arrays.stream(copyHashes).mapToObj(String::valueOf).toList())).append('\t')
                    .append(array(Arrays.stream(TextSignature.bandKeys(copyHashes)).mapToObj(String::valueOf).toList())).append('\t')
                    .append(array(Arrays.stream(s.signature().wordHashes()).mapToObj(String::valueOf).toList())).append("\t\\N\n");
            for (String key : s.entities()) {
                entities.append(clean(key)).append('\t').append(id).append('\t').append(at).append('\t').append(at).append('\n');
            }
            if ((n + 1) % COPY_CHUNK == 0 || n == stored - 1) {
                copy.copyIn("COPY story_member (article_id, story_id, copy_group, enrichment_version, enriched_at, title,"
                        + " source_name, language, published_at, received_at, top_entities, copy_hashes, copy_bands, word_hashes,"
                        + " credit) FROM STDIN", new StringReader(rows.toString()));
                copy.copyIn("COPY story_entity (entity_key, article_id, published_at, received_at) FROM STDIN",
                        new StringReader(entities.toString()));
                rows.setLength(0);
                entities.setLength(0);
            }
        }
    }

    private static EnrichedArticle article(String id, Story s, Instant at) {
        List<EnrichedArticle.Entity> entities = new ArrayList<>();
        for (int i = 0; i < s.entities().size(); i++) {
            String key = s.entities().get(i);
            entities.add(new EnrichedArticle.Entity(key.substring(key.indexOf('|') + 1),
                    EnrichedArticle.Entity.Type.valueOf(key.substring(0, key.indexOf('|'))), List.of(), null, List.of(), 1.0 - i * 0.1));
        }
        return new EnrichedArticle(1, id, 1, at, "bench", at, null, s.title(), s.body(), "en",
                new EnrichedArticle.Source("Reuters", EnrichedArticle.Source.Kind.AGENCY, EnrichedArticle.Source.Evidence.CREDIT),
                null, at, new EnrichedArticle.Publication(EnrichedArticle.Publication.Precision.DATETIME,
                EnrichedArticle.Publication.DateSource.TEXT, 1.0, List.of()), entities, List.of(), s.signature());
    }

    /** Each story with its places and organisations as entities (the corpus' own tags) and its signature. */
    private static List<Story> load(Path reuters) throws Exception {
        List<Story> stories = new ArrayList<>();
        for (JsonNode a : Bench.reuters(reuters)) {
            String body = a.path("body").asText();
            List<String> entities = new ArrayList<>();
            a.path("places").forEach(p -> entities.add("LOCATION|" + p.asText()));
            a.path("orgs").forEach(o -> entities.add("ORGANIZATION|" + o.asText()));
            a.path("companies").forEach(o -> entities.add("ORGANIZATION|" + o.asText()));
            // "26-FEB-1987 15:14:36.41", some with more after it: the day and time
            Matcher date = REUTERS_DAY_TIME.matcher(a.path("date").asText());
            if (!date.find()) {
                continue;
            }
            Instant at = LocalDateTime.parse(date.group(1) + " " + date.group(2), REUTERS_DATE).toInstant(ZoneOffset.UTC);
            stories.add(new Story(a.path("title").asText(""), body, at,
                    entities.stream().distinct().limit(8).collect(Collectors.toList()), TextSignature.of(body)));
        }
        return stories;
    }

    private static String array(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    /** An array element: the corpus' tags hold none of the characters array syntax gives a meaning. */
    private static String quoted(String value) {
        return "\"" + value.replaceAll("[\"\\\\{},\\s]", " ") + "\"";
    }

    /** A value for COPY's text format. */
    private static String clean(String value) {
        return value.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ");
    }
}
