package org.newspipeline.enrich.preview;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newspipeline.contract.ArticleDates;
import org.newspipeline.contract.ArticleIds;
import org.newspipeline.contract.LanguageCodes;
import org.newspipeline.contract.PayloadText;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.WebUrls;
import org.newspipeline.edge.Problem;
import org.newspipeline.enrich.pipeline.EnrichConfig;
import org.newspipeline.enrich.pipeline.Enricher;
import org.newspipeline.enrich.pipeline.ParallelEnricher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The enriched article exactly as it would be published, without publishing it. Previews have
 * workers of their own, with the consumer's time limit: a text that runs over is answered 422 with
 * the reason instead of holding a request thread for ever, and previews never wait behind the
 * consumer's batches nor hold them up. At most two previews per worker are in hand at once; the
 * next ones wait up to {@link #ADMISSION_WAIT}, then get 503.
 */
@Path("/enrichments")
@Produces(MediaType.APPLICATION_JSON)
public class EnrichmentResource {

    static final Duration ADMISSION_WAIT = Duration.ofSeconds(10);

    private final ParallelEnricher previews;
    private final Semaphore inHand;

    @Inject
    public EnrichmentResource(Enricher enricher, EnrichConfig config) {
        this(new ParallelEnricher(enricher, config));
    }

    EnrichmentResource(ParallelEnricher previews) {
        this.previews = previews;
        this.inHand = new Semaphore(2 * previews.workers());
    }

    @PreDestroy
    void stop() {
        previews.stop();
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Preview the enrichment of wire copy given as plain text")
    public Response previewText(String text) {
        return preview(new PreviewRequest(text, null, null, null, null, null, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview the enrichment of {text, title, url, source, publishedAt, referenceDate, language}")
    @APIResponse(responseCode = "200", description = "the enriched article as it would be published")
    @APIResponse(responseCode = "400", description = "no text, an implausible date, or text that is not valid Unicode")
    @APIResponse(responseCode = "422", description = "the enrichment did not finish within enrich.article-timeout")
    @APIResponse(responseCode = "503", description = "too many previews at once (Retry-After)")
    public Response preview(PreviewRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            return problem("'text' is missing or blank");
        }
        Instant publishedAt;
        Instant referenceDate;
        try {
            publishedAt = ArticleDates.parsePlausible("publishedAt", request.publishedAt(), Clock.systemUTC());
            referenceDate = ArticleDates.parsePlausible("referenceDate", request.referenceDate(), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            return problem(e.getMessage());
        }
        // JSON fields were checked when read (web-edge); plain text arrives unchecked.
        var wrong = PayloadText.problem(request.text());
        if (wrong.isPresent()) {
            return problem("'text' " + wrong.get());
        }
        String language = request.language() == null ? null : LanguageCodes.normalize(request.language()).orElse(null);
        if (request.language() != null && language == null) {
            return problem("'language' is an ISO 639-1 code such as en or de (a region may follow: en-GB)");
        }
        if (request.url() != null && !WebUrls.isWebUrl(request.url())) {
            return problem("'url' must be an absolute http or https URL");
        }
        RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.of(request.url(), request.text()),
                "http", Instant.now(), referenceDate, request.title(), request.text(), request.url(),
                request.source(), publishedAt, language, null, List.of());
        try {
            if (!inHand.tryAcquire(ADMISSION_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return Problem.builder(503, "too many previews at once; try again shortly").header("Retry-After", "5").build();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Problem.response(503, "the service is stopping");
        }
        ParallelEnricher.Result enriched;
        try {
            enriched = previews.enrichAll(List.of(raw)).get(0);
        } finally {
            inHand.release();
        }
        if (enriched.timedOut()) {
            return Problem.response(422, enriched.failure());
        }
        if (enriched.error() != null) {
            // A bug the text brings out: logged under an id by the edge's mapper, never shown.
            throw new IllegalStateException("enrichment failed", enriched.error());
        }
        return Response.ok(enriched.article()).build();
    }

    private static Response problem(String detail) {
        return Problem.response(400, detail);
    }
}
