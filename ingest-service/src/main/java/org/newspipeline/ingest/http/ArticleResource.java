package org.newspipeline.ingest.http;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.ingest.article.ArticleFactory;
import org.newspipeline.ingest.article.ArticlePublisher;
import org.newspipeline.ingest.article.ArticleSubmission;

import java.util.Map;

@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    static final String ORIGIN = "http";

    private final ArticleFactory factory;
    private final ArticlePublisher publisher;

    public ArticleResource(ArticleFactory factory, ArticlePublisher publisher) {
        this.factory = factory;
        this.publisher = publisher;
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Ingest wire copy as plain text")
    @APIResponse(responseCode = "202", description = "Kafka acknowledged the article; the body holds its id")
    @APIResponse(responseCode = "400", description = "Blank body")
    @APIResponse(responseCode = "413", description = "Body over the configured limit")
    @APIResponse(responseCode = "503", description = "Kafka is unavailable; retry after the Retry-After seconds")
    public Uni<Response> postText(String text) {
        return accept(factory.fromText(text, ORIGIN, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest an article given as JSON {title, body, url, source, publishedAt, language, receivedAt}")
    @APIResponse(responseCode = "202", description = "Kafka acknowledged the article; the body holds its id")
    @APIResponse(responseCode = "400", description = "Malformed JSON, a blank body or an unparsable date")
    @APIResponse(responseCode = "413", description = "Body over the configured limit")
    @APIResponse(responseCode = "503", description = "Kafka is unavailable; retry after the Retry-After seconds")
    public Uni<Response> postJson(ArticleSubmission submission) {
        if (submission == null) {
            throw org.newspipeline.ingest.article.InvalidArticleException.badRequest("empty JSON body");
        }
        return accept(factory.fromSubmission(submission, ORIGIN));
    }

    private Uni<Response> accept(RawArticle article) {
        return publisher.publish(article, ORIGIN)
                .replaceWith(() -> Response.accepted(Map.of("id", article.id())).build());
    }
}
