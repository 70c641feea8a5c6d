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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newspipeline.edge.Problem;
import org.newspipeline.query.article.ArticleRepository;
import org.newspipeline.query.search.ArticleSearch;
import org.newspipeline.query.search.Page;
import org.newspipeline.query.search.SearchRequest;

import java.util.List;

@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    private final ArticleSearch search;
    private final ArticleRepository articles;

    public ArticleResource(ArticleSearch search, ArticleRepository articles) {
        this.search = search;
        this.articles = articles;
    }

    @GET
    @Operation(summary = "Search articles: best match first with q, newest first without; facets and a cursor for the next page")
    @APIResponse(responseCode = "200", description = "{total, items, facets, next}")
    @APIResponse(responseCode = "400", description = "A bad parameter: unparsable date, limit over 100, unknown sort or type, foreign cursor")
    public Page search(
            @Parameter(description = "web-search syntax: words, \"quoted phrases\", OR, -exclusion") @QueryParam("q") String q,
            @Parameter(description = "source name, e.g. TASS") @QueryParam("source") String source,
            @Parameter(description = "canonical name or alias; repeat to require several") @QueryParam("entity") List<String> entity,
            @Parameter(description = "PERSON, ORGANIZATION or LOCATION") @QueryParam("type") String type,
            @Parameter(description = "dateline place or a location mentioned") @QueryParam("place") String place,
            @Parameter(description = "ISO 639-1 language") @QueryParam("lang") String lang,
            @Parameter(description = "published on or after: 2020-01-01 or a date-time with offset") @QueryParam("from") String from,
            @Parameter(description = "published on or before (a day includes the whole day)") @QueryParam("to") String to,
            @Parameter(description = "relevance (default with q) or date") @QueryParam("sort") String sort,
            @Parameter(description = "1 to 100") @QueryParam("limit") @DefaultValue("20") String limit,
            @Parameter(description = "the next value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "story: one hit per story, the best match, with how many more of it match and from how many outlets")
            @QueryParam("collapse") String collapse) {
        return search.search(SearchRequest.of(q, source, entity, type, place, lang, from, to, sort,
                SearchRequest.limit(limit), cursor).collapse(collapse));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The whole enriched article")
    @APIResponse(responseCode = "404", description = "No article with that id")
    public Response byId(@PathParam("id") String id) {
        return articles.findByIdOptional(id)
                .map(a -> Response.ok(a.document, MediaType.APPLICATION_JSON).build())
                .orElseGet(() -> Problem.response(404, "no article with id " + id));
    }
}
