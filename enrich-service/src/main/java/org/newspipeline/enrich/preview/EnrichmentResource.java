package org.newspipeline.enrich.preview;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newspipeline.contract.ArticleDates;
import org.newspipeline.contract.ArticleIds;
import org.newspipeline.contract.PayloadText;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.edge.Problem;
import org.newspipeline.enrich.pipeline.ParallelEnricher;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The enriched article exactly as it would be published, without publishing it. Previews go through
 * the consumer's workers, so that they get its time limit: a text no enrichment finishes is answered
 * 422 with the reason instead of holding a request thread for ever. (A preview waits for the batch in
 * hand, at most a second or so.)
 */
@Path("/enrichments")
@Produces(MediaType.APPLICATION_JSON)
public class EnrichmentResource {

    private final ParallelEnricher enricher;

    public EnrichmentResource(ParallelEnricher enricher) {
        this.enricher = enricher;
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Preview the enrichment of wire copy given as plain text")
    public Response previewText(String text) {
        return preview(new PreviewRequest(text, null, null, null, null, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview the enrichment of {text, title, url, source, publishedAt, referenceDate}")
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
        RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.of(request.url(), request.text()),
                "http", Instant.now(), referenceDate, request.title(), request.text(), request.url(),
                request.source(), publishedAt, null, null, List.of());
        ParallelEnricher.Result enriched = enricher.enrichAll(List.of(raw)).get(0);
        return enriched.failure() == null ? Response.ok(enriched.article()).build()
                : Problem.response(422, enriched.failure());
    }

    private static Response problem(String detail) {
        return Problem.response(400, detail);
    }
}
