package org.newspipeline.contract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A source with how its feeds are doing, as the API and the search site show it.
 *
 * @param health        the worst of its feeds' (FAILING, SILENT, NEW, OK)
 * @param itemsToday    new items since midnight UTC, all feeds together
 * @param usualPerDay   new items per day over the full days recorded before today
 */
public record SourceHealth(Source source, FeedStatus.Health health, Instant lastSuccess, Instant lastNewItem,
                           int consecutiveFailures, int itemsToday, double usualPerDay, List<FeedStatus> feeds) {

    /** @param known the last state of a feed or sitemap by URL, null when there is none */
    public static SourceHealth of(Source source, Function<String, FeedStatus> known) {
        List<FeedStatus> feeds = new ArrayList<>();
        for (String url : source.urls()) {
            FeedStatus status = known.apply(url);
            feeds.add(status != null && status.sourceId().equals(source.id()) ? status : FeedStatus.first(source.id(), url));
        }
        FeedStatus.Health worst = feeds.stream().map(FeedStatus::health)
                .max(Comparator.comparingInt(SourceHealth::severity)).orElse(FeedStatus.Health.NEW);
        Instant lastSuccess = feeds.stream().map(FeedStatus::lastSuccess).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        Instant lastNew = feeds.stream().map(FeedStatus::lastNewItem).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        int failures = feeds.stream().mapToInt(FeedStatus::consecutiveFailures).max().orElse(0);
        int today = feeds.stream().mapToInt(f -> f.daily().isEmpty() ? 0 : f.daily().get(f.daily().size() - 1)).sum();
        double usual = feeds.stream().mapToDouble(SourceHealth::usualPerDay).sum();
        return new SourceHealth(source, worst, lastSuccess, lastNew, failures, today, Math.round(usual * 10) / 10.0, List.copyOf(feeds));
    }

    private static int severity(FeedStatus.Health health) {
        return switch (health) {
            case OK -> 0;
            case NEW -> 1;
            case SILENT -> 2;
            case FAILING -> 3;
        };
    }

    private static double usualPerDay(FeedStatus f) {
        List<Integer> before = f.daily().isEmpty() ? List.of() : f.daily().subList(0, f.daily().size() - 1);
        return before.stream().mapToInt(Integer::intValue).average().orElse(0);
    }
}
