package org.newspipeline.query.http;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.newspipeline.query.article.ArticleRepository;
import org.newspipeline.query.search.ArticleSearch;
import org.newspipeline.query.search.SearchPage;

@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    static final int MAX_LIMIT = 100;

    private final ArticleSearch search;
    private final ArticleRepository articles;

    public ArticleResource(ArticleSearch search, ArticleRepository articles) {
        this.search = search;
        this.articles = articles;
    }

    @GET
    @Operation(summary = "Search articles, best match first (newest first without q)")
    public Response search(
            @Parameter(description = "web-search syntax: words, \"quoted phrases\", OR, -exclusion") @QueryParam("q") String q,
            @Parameter(description = "1 to 100") @QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Problem.response(Response.Status.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
        }
        SearchPage page = search.search(q, limit);
        return Response.ok(page).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The whole enriched article")
    public Response byId(@PathParam("id") String id) {
        return articles.findByIdOptional(id)
                .map(a -> Response.ok(a.document, MediaType.APPLICATION_JSON).build())
                .orElseGet(() -> Problem.response(Response.Status.NOT_FOUND, "no article with id " + id));
    }
}
