package org.newspipeline.enrich.eval;

import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.enrich.pipeline.Enricher;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Runs stories through the enricher as the service would, with a reference date one day after
 * the true date, and counts what came out right.
 */
public record ReutersScore(int articles, int reutersSource, int exactDay, int withinOneDay, int datelinePlace,
                           int statedTrueDay, double seconds) {

    public static ReutersScore of(Enricher enricher, List<ReutersCorpus.Story> stories) {
        int source = 0;
        int day = 0;
        int nearDay = 0;
        int place = 0;
        int stated = 0;
        long start = System.nanoTime();
        for (ReutersCorpus.Story s : stories) {
            Instant reference = s.trueDay().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            EnrichedArticle a = enricher.enrich(new RawArticle(RawArticle.SCHEMA_VERSION, "eval", "inbox:eval",
                    reference, reference, null, s.wireCopy(), null, null, null, null, null, List.of()));
            source += "Reuters".equals(a.source().name()) ? 1 : 0;
            long off = Math.abs(a.publishedAt().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay() - s.trueDay().toEpochDay());
            day += off == 0 ? 1 : 0;
            nearDay += off <= 1 ? 1 : 0;
            stated += s.statesTrueDay() ? 1 : 0;
            place += a.dateline() != null && s.datelinePlace().equalsIgnoreCase(a.dateline().place()) ? 1 : 0;
        }
        return new ReutersScore(stories.size(), source, day, nearDay, place, stated, (System.nanoTime() - start) / 1e9);
    }

    public double sourceShare() {
        return (double) reutersSource / articles;
    }

    public double dayShare() {
        return (double) exactDay / articles;
    }

    /** Stories filed in Asia or Europe carry the next local day in their dateline; the corpus date is New York's. */
    public double nearDayShare() {
        return (double) withinOneDay / articles;
    }

    /** The ceiling for {@link #dayShare()}: the stories whose dateline names the corpus day. */
    public double statedDayShare() {
        return (double) statedTrueDay / articles;
    }

    public double placeShare() {
        return (double) datelinePlace / articles;
    }

    @Override
    public String toString() {
        return String.format("%d articles: source=Reuters %.2f%%, exact day %.2f%% (within one day %.2f%%; the stories' own datelines"
                        + " name the corpus day in %.2f%%), dateline place %.2f%%, %.0f articles/s on one core",
                articles, 100 * sourceShare(), 100 * dayShare(), 100 * nearDayShare(), 100 * statedDayShare(), 100 * placeShare(),
                articles / seconds);
    }
}
