package org.newspipeline.query.stats;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.newspipeline.query.article.ArticleRepository;
import org.newspipeline.query.search.BadParameterException;
import org.newspipeline.query.search.Count;
import org.newspipeline.query.search.SearchRequest;
import org.newspipeline.query.search.Timeline;

import java.util.List;
import java.util.Locale;
import java.util.Set;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private static final Set<String> INTERVALS = Set.of("day", "week", "month");

    private final Timeline timeline;
    private final ArticleRepository articles;

    public StatsResource(Timeline timeline, ArticleRepository articles) {
        this.timeline = timeline;
        this.articles = articles;
    }

    @GET
    @Path("stats/timeline")
    @Operation(summary = "Article counts per day, week or month, for a text query and entities; with normalize=share, "
            + "each bucket also gives all stored articles in it and the matches' share of them")
    public List<?> timeline(@QueryParam("q") String q, @QueryParam("entity") List<String> entity,
                            @QueryParam("source") String source,
                            @QueryParam("interval") @DefaultValue("month") String interval,
                            @Parameter(description = "count (default) or share") @QueryParam("normalize") String normalize) {
        String i = interval.strip().toLowerCase(Locale.ROOT);
        if (!INTERVALS.contains(i)) {
            throw new BadParameterException("interval must be day, week or month, not " + interval);
        }
        SearchRequest request = SearchRequest.of(q, source, entity, null, null, null, null, null, null, 1, null);
        return Timeline.asShares(normalize) ? timeline.shares(request, i) : timeline.counts(request, i);
    }

    @GET
    @Path("sources")
    @Operation(summary = "Sources with their article counts, most first")
    public List<Count> sources() {
        return articles.sources();
    }
}
