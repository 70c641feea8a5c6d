package org.newspipeline.query.stats;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Article counts per day, week or month, for a text query and entities")
    public List<Count> timeline(@QueryParam("q") String q, @QueryParam("entity") List<String> entity,
                                              @QueryParam("source") String source,
                                              @QueryParam("interval") @DefaultValue("month") String interval) {
        String i = interval.strip().toLowerCase(Locale.ROOT);
        if (!INTERVALS.contains(i)) {
            throw new BadParameterException("interval must be day, week or month, not " + interval);
        }
        return timeline.counts(SearchRequest.of(q, source, entity, null, null, null, null, null, null, 1, null), i);
    }

    @GET
    @Path("sources")
    @Operation(summary = "Sources with their article counts, most first")
    public List<Count> sources() {
        return articles.sources();
    }
}
