package org.newspipeline.query.search;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Article counts over time for the same filters as the search. */
@ApplicationScoped
public class Timeline {

    private final DataSource db;

    public Timeline(@io.quarkus.agroal.DataSource(ArticleSearch.POOL) DataSource db) {
        this.db = db;
    }

    /** @param interval day, week or month (validated by the caller; it names a date_trunc unit) */
    public List<Count> counts(SearchRequest r, String interval) {
        try (Connection c = db.getConnection()) {
            MatchingArticles m = new MatchingArticles(c, r);
            return Sql.of("SELECT to_char(date_trunc(?, a.published_at), 'YYYY-MM-DD') AS bucket, count(*) AS n", interval)
                    .append(m.fromWhere).append(" GROUP BY bucket ORDER BY bucket")
                    .list(c, rs -> new Count(rs.getString("bucket"), rs.getLong("n")));
        } catch (SQLException e) {
            throw new SearchUnavailableException(e);
        }
    }
}
