package org.newspipeline.query.stats;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newspipeline.query.http.BadParameterException;
import org.newspipeline.query.search.ArticleSearch;
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
    private final EntityManager em;

    public StatsResource(Timeline timeline, EntityManager em) {
        this.timeline = timeline;
        this.em = em;
    }

    @GET
    @Path("stats/timeline")
    @Operation(summary = "Article counts per day, week or month, for a text query and entities")
    public List<ArticleSearch.Count> timeline(@QueryParam("q") String q, @QueryParam("entity") List<String> entity,
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
    @SuppressWarnings("unchecked")
    public List<ArticleSearch.Count> sources() {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT source_name AS value, count(*) AS n FROM article WHERE source_name IS NOT NULL
                GROUP BY source_name ORDER BY n DESC, source_name
                """, Tuple.class).getResultList();
        return rows.stream().map(t -> new ArticleSearch.Count(t.get("value", String.class), ((Number) t.get("n")).longValue())).toList();
    }
}
