package org.newspipeline.query.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.util.List;

/** Article counts over time for the same filters as the search. */
@ApplicationScoped
public class Timeline {

    private final EntityManager em;
    private final EntityIds entityIds;

    public Timeline(EntityManager em, EntityIds entityIds) {
        this.em = em;
        this.entityIds = entityIds;
    }

    /** @param interval day, week or month (validated by the caller; it names a date_trunc unit) */
    @SuppressWarnings("unchecked")
    public List<ArticleSearch.Count> counts(SearchRequest r, String interval) {
        MatchingArticles m = new MatchingArticles(r, entityIds);
        List<Tuple> rows = m.bind(em.createNativeQuery(
                "SELECT to_char(date_trunc(:unit, a.published_at), 'YYYY-MM-DD') AS bucket, count(*) AS n"
                        + m.from + m.where + " GROUP BY bucket ORDER BY bucket", Tuple.class))
                .setParameter("unit", interval).getResultList();
        return rows.stream().map(t -> new ArticleSearch.Count(t.get("bucket", String.class), ((Number) t.get("n")).longValue())).toList();
    }
}
