package org.newspipeline.ingest.http;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newspipeline.contract.ArticleOrigin;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.WebUrls;
import org.newspipeline.ingest.article.ArticleSubmission;
import org.newspipeline.ingest.article.Ingestion;
import org.newspipeline.ingest.article.InvalidArticleException;
import org.newspipeline.ingest.article.PublishFailedException;
import org.newspipeline.ingest.format.ArticleFormat;
import org.newspipeline.ingest.format.ArticleParser;
import org.newspipeline.ingest.extract.PageReader;

import java.util.Comparator;
import java.util.List;

/**
 * The HTTP door. Every method is blocking, so it runs on a worker thread: bodies are decoded, parsed
 * and (pages) extracted there, never on an event loop, where a costly body would hold up other
 * connections and health checks.
 */
@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    static final String NDJSON = "application/x-ndjson";
    private static final int MAX_ADDRESS_CHARS = ArticleSubmission.MAX_FIELD_CHARS;
    /** Lines of one batch published at a time, so that a large batch queues in order instead of all at once. */
    static final int BATCH_CONCURRENCY = Ingestion.CONCURRENCY;
    private static final Logger LOG = Logger.getLogger(ArticleResource.class);

    /** One line of a batch answer. */
    public record LineResult(int line, String status, String id, String reason) {
    }

    public record BatchResult(int accepted, int duplicates, int rejected, int unavailable, List<LineResult> lines) {
    }

    private final Ingestion ingestion;
    private final PageReader pages;

    public ArticleResource(Ingestion ingestion, PageReader pages) {
        this.ingestion = ingestion;
        this.pages = pages;
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    @Operation(summary = "Ingest wire copy (text/plain) or a web page (text/html; its address in Content-Location)")
    @APIResponse(responseCode = "202", description = "Kafka acknowledged the article: {id, status: accepted}")
    @APIResponse(responseCode = "200", description = "Already ingested: {id, status: duplicate}")
    @APIResponse(responseCode = "400", description = "Blank body")
    @APIResponse(responseCode = "413", description = "Body over the configured limit")
    @APIResponse(responseCode = "415", description = "Not text/plain, text/html, application/json; an unknown charset or Content-Encoding (gzip is taken)")
    @APIResponse(responseCode = "422", description = "A page nested or tagged beyond any real page, or not read within ingest.extract.timeout")
    @APIResponse(responseCode = "503", description = "Kafka is unavailable, or every page reader is busy; retry after Retry-After seconds")
    public Response postText(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                  @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
                                  @HeaderParam(HttpHeaders.CONTENT_LOCATION) String address) {
        // Media types are case-insensitive: "Text/HTML" is a page too.
        ArticleFormat format = contentType != null && contentType.strip().toLowerCase(java.util.Locale.ROOT)
                .startsWith(MediaType.TEXT_HTML) ? ArticleFormat.HTML : ArticleFormat.TEXT;
        return accept(ArticleParser.parse(format, RequestBodies.text(body, contentType, contentEncoding),
                pageAddress(address), pages).get(0));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest {title, body, url, source, publishedAt, language, receivedAt}")
    @APIResponse(responseCode = "202", description = "Kafka acknowledged the article: {id, status: accepted}")
    @APIResponse(responseCode = "200", description = "Already ingested: {id, status: duplicate}")
    @APIResponse(responseCode = "400", description = "Malformed JSON, a blank body or an unparsable date")
    @APIResponse(responseCode = "503", description = "Kafka is unavailable; retry after Retry-After seconds")
    public Response postJson(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                  @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding) {
        return accept(ArticleParser.json(RequestBodies.text(body, contentType, contentEncoding), "JSON"));
    }

    @POST
    @Path("/batch")
    @Consumes(NDJSON)
    @Operation(summary = "Ingest one JSON article per line; the answer says per line: accepted, duplicate, rejected (why) or unavailable")
    @APIResponse(responseCode = "200", description = "Per-line results; Retry-After is set when lines were unavailable")
    @APIResponse(responseCode = "413", description = "More than 5,000 lines or 16 MB")
    @APIResponse(responseCode = "503", description = "Kafka is unavailable and no line was taken")
    public Response batch(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                               @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding) {
        // Every line is read and validated here, on a worker; only publishing is left to the Kafka callbacks.
        List<PreparedLine> prepared = ArticleParser.lines(RequestBodies.text(body, contentType, contentEncoding)).stream()
                .map(l -> prepare(l.number(), l.json())).toList();
        // Each line's publish ends within ingest.publish-timeout (accepted or unavailable), so this wait ends too.
        List<LineResult> lines = Multi.createFrom().iterable(prepared)
                .onItem().transformToUni(this::publish).merge(BATCH_CONCURRENCY)
                .collect().asList().await().indefinitely();
        return batchResponse(lines.stream().sorted(Comparator.comparingInt(LineResult::line)).toList());
    }

    /** A line of a batch, read: its article, or why it was rejected. */
    private record PreparedLine(int number, RawArticle article, String rejection) {
    }

    private PreparedLine prepare(int number, String json) {
        try {
            return new PreparedLine(number, ingestion.prepare(ArticleParser.json(json, "line " + number), ArticleOrigin.HTTP,
                    null), null);
        } catch (InvalidArticleException e) {
            return new PreparedLine(number, null, e.getMessage());
        }
    }

    private Uni<LineResult> publish(PreparedLine line) {
        int number = line.number();
        RawArticle article = line.article();
        if (article == null) {
            return Uni.createFrom().item(new LineResult(number, "rejected", null, line.rejection()));
        }
        return ingestion.ingest(article)
                .map(o -> new LineResult(number, o.status().name().toLowerCase(), o.id(), null))
                .onFailure(PublishFailedException.class).recoverWithItem(f -> {
                    LOG.warnf("batch line %d (%s) unavailable: %s", number, article.id(), f.getMessage());
                    return new LineResult(number, "unavailable", article.id(), f.getMessage());
                })
                .onFailure(InvalidArticleException.class)
                .recoverWithItem(f -> new LineResult(number, "rejected", article.id(), f.getMessage()));
    }

    private static Response batchResponse(List<LineResult> lines) {
        int accepted = count(lines, "accepted");
        int unavailable = count(lines, "unavailable");
        BatchResult result = new BatchResult(accepted, count(lines, "duplicate"), count(lines, "rejected"), unavailable, lines);
        Response.ResponseBuilder response = Response.status(unavailable == lines.size() ? 503 : 200).entity(result);
        return unavailable > 0 ? response.header("Retry-After", ProblemMappers.RETRY_AFTER_SECONDS).build() : response.build();
    }

    private static int count(List<LineResult> lines, String status) {
        return (int) lines.stream().filter(l -> l.status().equals(status)).count();
    }

    /** A page's address, given as Content-Location: its canonical link counts when on the same host. */
    private static String pageAddress(String address) {
        if (address != null && (address.length() > MAX_ADDRESS_CHARS || !WebUrls.isWebUrl(address))) {
            throw InvalidArticleException.badRequest("'Content-Location' must be an absolute http or https URL of at most "
                    + MAX_ADDRESS_CHARS + " characters");
        }
        return address;
    }

    /** Waits for Kafka's acknowledgement, which ends within ingest.publish-timeout either way. */
    private Response accept(ArticleSubmission submission) {
        Ingestion.Outcome o = ingestion.ingest(submission, ArticleOrigin.HTTP).await().indefinitely();
        return Response.status(o.status() == Ingestion.Status.ACCEPTED ? 202 : 200)
                .entity(new Accepted(o.id(), o.status().name().toLowerCase())).build();
    }

    /** The answer to a single article. */
    public record Accepted(String id, String status) {
    }
}
