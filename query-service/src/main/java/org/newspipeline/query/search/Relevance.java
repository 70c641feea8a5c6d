package org.newspipeline.query.search;

import java.time.Duration;
import java.time.Instant;

/**
 * The relevance score: how well an article matches ({@code ts_rank_cd} with normalization 32, i.e.
 * rank / (rank + 1), between 0 and 1), halved for every half-life of age. It is kept as a logarithm,
 * {@code ln(rank) + ln 2 × seconds since 1970 / half-life}, so that no date under- or overflows and
 * the order of two articles does not depend on when one asks (cursors stay valid).
 * <p>
 * As the rank is below 1, an article published at t scores below {@code ln 2 × t / half-life}: that
 * ceiling is what lets a search stop reading older matches once none of them can reach its page.
 */
final class Relevance {

    /** A match without any rank (e.g. {@code -iran} alone) counts as this: about 20 half-lives older. */
    private static final double LEAST_RANK = 1e-6;

    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T00:00:00Z");

    private final double perSecond;

    Relevance(Duration halfLife) {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("query.search.half-life must be positive: " + halfLife);
        }
        this.perSecond = Math.log(2) / halfLife.toSeconds();
    }

    /**
     * The score of a row {@code w} with columns {@code search_vector}, {@code query} and
     * {@code published_at}; without a text query every match ranks 1 and the score is its age alone.
     */
    Sql score(boolean hasText) {
        return Sql.of("ln(" + (hasText ? "greatest(ts_rank_cd(w.search_vector, w.query, 32), " + LEAST_RANK + ")" : "1")
                + ") + CAST(extract(epoch FROM w.published_at) AS float8) * ?", perSecond);
    }

    /** No article published before this can score {@code score} or more (kept within PostgreSQL's years 1-9999). */
    Instant oldestReaching(double score) {
        double seconds = Math.floor(score / perSecond) - 1;
        return Instant.ofEpochSecond((long) Math.max(FIRST.getEpochSecond(), Math.min(LAST.getEpochSecond(), seconds)));
    }
}
