package org.newspipeline.query.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.FeedStatus;
import org.newspipeline.contract.SourceHealth;
import org.newspipeline.query.source.SourceDirectory;
import org.newspipeline.contract.WebUrls;
import org.newspipeline.query.article.ArticleRepository;
import org.newspipeline.query.entity.EntityDirectory;
import org.newspipeline.query.search.ArticleSearch;
import org.newspipeline.query.search.BadParameterException;
import org.newspipeline.query.search.Hit;
import org.newspipeline.query.search.Page;
import org.newspipeline.query.search.SearchRequest;
import org.newspipeline.query.search.Timeline;
import org.newspipeline.query.story.StoryDetails;

import java.time.Duration;
import java.util.List;

/**
 * The search page people use instead of curl, server-rendered (search, facets and paging work
 * without JavaScript); {@code app.js} adds the chart, "more" in place, entity suggestions and the
 * live notice. Every page forbids inline scripts (Content-Security-Policy); Qute escapes all text.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SearchPage {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    private static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(WebQuery query, Page page, String cursor, String error);

        static native TemplateInstance storyMore(WebQuery query, Page page, boolean firstPage);

        static native TemplateInstance timeline(WebQuery query, List<Bar> bars);

        static native TemplateInstance article(EnrichedArticle article, List<MarkedText.Segment> segments);

        static native TemplateInstance entity(EntityDirectory.Details entity, List<Bar> bars, List<Hit> newest);

        static native TemplateInstance sources(List<SourceHealth> sources, String health, String error);

        static native TemplateInstance story(StoryDetails.Story story);
    }

    private final ArticleSearch search;
    private final Timeline timeline;
    private final ArticleRepository articles;
    private final EntityDirectory entities;
    private final SourceDirectory sources;
    private final StoryDetails stories;

    public SearchPage(ArticleSearch search, Timeline timeline, ArticleRepository articles, EntityDirectory entities,
                      SourceDirectory sources, StoryDetails stories) {
        this.stories = stories;
        this.search = search;
        this.timeline = timeline;
        this.articles = articles;
        this.entities = entities;
        this.sources = sources;
    }

    @GET
    @Operation(summary = "The search page (HTML): the same parameters as GET /articles")
    public Response search(@Context UriInfo uri, @QueryParam("cursor") String cursor) {
        WebQuery query = WebQuery.of(uri.getQueryParameters());
        try {
            // A page collapsed by story shows its hits first; how many more of each story match loads after it.
            return html(200, Templates.search(query, search.search(request(query, cursor), false), cursor, null));
        } catch (BadParameterException e) {
            return html(400, Templates.search(query, null, null, e.getMessage()));
        }
    }

    /**
     * The story details of a page of the search page's hits ("N more from M outlets", the first few),
     * each swapped into its hit by htmx (out of band), loaded after the page; for the first page also
     * how many stories match and the facets counted in stories, where the page itself counts
     * articles (counting stories, in all and per bucket, costs more than the rest of a broad search).
     */
    @GET
    @Path("story-more")
    @Operation(summary = "The story details of one page of the search page (HTML fragments, swapped into their hits)")
    public Response storyMore(@Context UriInfo uri, @QueryParam("cursor") String cursor) {
        WebQuery query = WebQuery.of(uri.getQueryParameters());
        SearchRequest request = request(query, cursor);
        return html(200, Templates.storyMore(query, request.byStory() ? search.search(request, true) : null, cursor == null));
    }

    /**
     * The timeline of a search, loaded by the search page after it is shown (htmx picks the figure
     * out of this page): counting every match per month costs more than the page itself.
     */
    @GET
    @Path("timeline")
    @Operation(summary = "Matches per month (per day for three months or less) of a search, as a page (HTML)")
    public Response timeline(@Context UriInfo uri) {
        WebQuery query = WebQuery.of(uri.getQueryParameters());
        try {
            boolean shares = Timeline.asShares(blankToNull(query.get("normalize")));
            return html(200, Templates.timeline(query, bars(request(query, null), shares)));
        } catch (BadParameterException e) {
            return html(400, Templates.search(query, null, null, e.getMessage()));
        }
    }

    private static SearchRequest request(WebQuery query, String cursor) {
        return SearchRequest.of(blankToNull(query.get("q")), blankToNull(query.get("source")), query.all("entity"),
                blankToNull(query.get("type")), blankToNull(query.get("place")), blankToNull(query.get("lang")),
                blankToNull(query.get("from")), blankToNull(query.get("to")), blankToNull(query.get("sort")), PAGE_SIZE, cursor)
                .collapse(query.byStory() ? "story" : null);
    }

    @GET
    @Path("story/{id}")
    @Operation(summary = "A story's page (HTML): its first report, outlets, copy groups, days and articles")
    public Response story(@PathParam("id") String id) {
        return stories.byId(id).map(s -> html(200, Templates.story(s)))
                .orElseGet(() -> notFound("There is no story with id " + id + "."));
    }

    @GET
    @Path("article/{id}")
    @Operation(summary = "An article's page (HTML): the whole text with its entities marked")
    public Response article(@PathParam("id") String id) {
        return articles.findByIdOptional(id)
                .map(a -> ContractJson.read(a.document.getBytes(java.nio.charset.StandardCharsets.UTF_8), EnrichedArticle.class))
                .map(a -> html(200, Templates.article(a, MarkedText.of(a))))
                .orElseGet(() -> notFound("There is no article with id " + id + "."));
    }

    @GET
    @Path("entity/{name}")
    @Operation(summary = "An entity's page (HTML): aliases, article count, co-occurring entities, timeline, newest articles")
    public Response entity(@PathParam("name") String name) {
        return entities.byName(name).map(d -> {
            SearchRequest mentions = SearchRequest.of(null, null, List.of(d.name()), d.type(), null, null, null, null,
                    "date", 10, null);
            return html(200, Templates.entity(d, bars(mentions, false), search.search(mentions).items()));
        }).orElseGet(() -> notFound("There is no entity named " + name + "."));
    }

    @GET
    @Path("sources/directory")
    @Operation(summary = "The sources ingest-service polls (HTML): each with its health, last success, last new item, "
            + "items today against its usual day; ?health=failing|silent|new|ok filters")
    public Response sourceDirectory(@QueryParam("health") String health) {
        FeedStatus.Health filter = null;
        if (health != null && !health.isBlank()) {
            try {
                filter = FeedStatus.Health.valueOf(health.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return html(400, Templates.sources(List.of(), null, "health: one of failing, silent, new, ok"));
            }
        }
        return html(200, Templates.sources(sources.list(filter), filter == null ? null : filter.name(), null));
    }

    /**
     * Months, or days when the dates asked for span three months or less.
     *
     * @param shares each bar as the matches' share of all articles of its time
     */
    private List<Bar> bars(SearchRequest request, boolean shares) {
        boolean shortRange = request.from() != null && request.to() != null
                && Duration.between(request.from(), request.to()).toDays() <= 92;
        String interval = shortRange ? "day" : "month";
        return shares ? Bar.ofShares(timeline.shares(request, interval), interval) : Bar.of(timeline.counts(request, interval), interval);
    }

    /** An empty search page that says what was not found. */
    private static Response notFound(String message) {
        return html(404, Templates.search(WebQuery.of(new jakarta.ws.rs.core.MultivaluedHashMap<>()), null, null, message));
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin").build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Template helpers: a hit's date as certain as it is. */
    @TemplateExtension
    static class HitLabels {
        static String dateLabel(Hit hit) {
            return DateLabel.of(hit.publishedAt(), hit.datePrecision(), hit.dateSource(), hit.dateConfidence());
        }

        static String dateEvidence(Hit hit) {
            return DateLabel.evidence(hit.datePrecision(), hit.dateSource(), hit.dateConfidence());
        }

        static String dateLabel(EnrichedArticle a) {
            return a.publication() == null ? DateLabel.of(a.publishedAt(), null, null, null)
                    : DateLabel.of(a.publishedAt(), a.publication().precision().name(), a.publication().source().name(),
                    a.publication().confidence());
        }

        /** Only http(s) links are rendered as links: a stored {@code javascript:} URL stays text. */
        static boolean isWebLink(String url) {
            return WebUrls.isWebUrl(url);
        }

        static String entityLink(String name) {
            return "/entity/" + urlEncode(name).replace("+", "%20");
        }

        static String urlEncode(String value) {
            return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
