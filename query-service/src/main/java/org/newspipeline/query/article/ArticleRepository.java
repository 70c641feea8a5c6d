package org.newspipeline.query.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.query.search.Count;

import java.util.List;

/**
 * Stored articles read by key, and small listings over them: through Panache (see the package
 * documentation for which way to the database each concern takes).
 */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, String> {

    /** Sources with their article counts, most first. */
    public List<Count> sources() {
        return getEntityManager().createQuery("""
                SELECT new org.newspipeline.query.search.Count(a.sourceName, count(a)) FROM Article a
                WHERE a.sourceName IS NOT NULL GROUP BY a.sourceName ORDER BY count(a) DESC, a.sourceName
                """, Count.class).getResultList();
    }
}
