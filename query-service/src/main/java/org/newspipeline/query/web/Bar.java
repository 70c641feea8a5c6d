package org.newspipeline.query.web;

import org.newspipeline.query.search.Count;
import org.newspipeline.query.search.Share;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A timeline bar: a day or a month with its matches, the link that narrows the search to it, and
 * its height as a class (the page's CSP allows no inline styles).
 */
public record Bar(String label, String from, String to, long count, String text, String heightClass) {

    static List<Bar> of(List<Count> buckets, String interval) {
        double most = buckets.stream().mapToLong(Count::count).max().orElse(1);
        return buckets.stream().filter(c -> c.value() != null)
                .map(c -> bar(c.value(), interval, c.count(), Long.toString(c.count()), c.count() / most)).toList();
    }

    /** Bars as high as each bucket's share of all coverage. */
    static List<Bar> ofShares(List<Share> buckets, String interval) {
        double most = buckets.stream().mapToDouble(Share::share).max().orElse(1);
        return buckets.stream().filter(s -> s.value() != null)
                .map(s -> bar(s.value(), interval, s.count(), String.format(Locale.ROOT, "%d of %d (%.1f%%)", s.count(), s.all(),
                        100 * s.share()), most == 0 ? 0 : s.share() / most)).toList();
    }

    /** @param height 0 to 1 of the highest bar */
    private static Bar bar(String day, String interval, long count, String text, double height) {
        LocalDate start = LocalDate.parse(day);
        LocalDate end = interval.equals("day") ? start : start.plusMonths(1).minusDays(1);
        return new Bar(interval.equals("day") ? day : day.substring(0, 7), start.toString(), end.toString(), count, text,
                "h" + Math.max(1, Math.round(20 * height)));
    }
}
