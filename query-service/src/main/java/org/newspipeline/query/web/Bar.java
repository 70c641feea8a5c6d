package org.newspipeline.query.web;

import org.newspipeline.query.search.Count;

import java.time.LocalDate;
import java.util.List;

/**
 * A timeline bar: a day or a month with its matches, the link that narrows the search to it, and
 * its height as a class (the page's CSP allows no inline styles).
 */
public record Bar(String label, String from, String to, long count, String heightClass) {

    static List<Bar> of(List<Count> buckets, String interval) {
        long most = buckets.stream().mapToLong(Count::count).max().orElse(1);
        return buckets.stream().filter(c -> c.value() != null).map(c -> {
            LocalDate start = LocalDate.parse(c.value());
            LocalDate end = interval.equals("day") ? start : start.plusMonths(1).minusDays(1);
            long height = Math.max(1, Math.round(20.0 * c.count() / most));
            return new Bar(interval.equals("day") ? c.value() : c.value().substring(0, 7), start.toString(), end.toString(),
                    c.count(), "h" + height);
        }).toList();
    }
}
