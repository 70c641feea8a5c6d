package org.newspipeline.ingest.source;

import org.newspipeline.contract.FeedStatus;
import org.newspipeline.contract.Source;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A source as the API shows it: the directory entry and how its feeds are doing.
 *
 * @param health        the worst of its feeds' (FAILING, SILENT, NEW, OK)
 * @param itemsToday    new items since midnight UTC, all feeds together
 * @param usualPerDay   new items per day over the full days recorded before today
 */
public record SourceView(Source source, FeedStatus.Health health, Instant lastSuccess, Instant lastNewItem,
                         int consecutiveFailures, int itemsToday, double usualPerDay, List<FeedStatus> feeds) {

    static SourceView of(Source source, FeedStatus.Health health, List<FeedStatus> feeds) {
        Instant lastSuccess = feeds.stream().map(FeedStatus::lastSuccess).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        Instant lastNew = feeds.stream().map(FeedStatus::lastNewItem).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        int failures = feeds.stream().mapToInt(FeedStatus::consecutiveFailures).max().orElse(0);
        int today = feeds.stream().mapToInt(f -> f.daily().isEmpty() ? 0 : f.daily().get(f.daily().size() - 1)).sum();
        double usual = feeds.stream().mapToDouble(SourceView::usualPerDay).sum();
        return new SourceView(source, health, lastSuccess, lastNew, failures, today, Math.round(usual * 10) / 10.0, feeds);
    }

    private static double usualPerDay(FeedStatus f) {
        List<Integer> before = f.daily().isEmpty() ? List.of() : f.daily().subList(0, f.daily().size() - 1);
        return before.isEmpty() ? 0 : before.stream().mapToInt(Integer::intValue).average().orElse(0);
    }
}
