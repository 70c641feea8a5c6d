package org.newspipeline.enrich.dateline;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** English month names and the abbreviations wire copy uses ("Feb", "Sept."), forgiving a typo. */
public final class Months {

    private static final Map<String, Integer> BY_NAME = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7),
            Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9),
            Map.entry("sept", 9), Map.entry("sep", 9), Map.entry("october", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));

    private static final List<String> FULL_NAMES = List.of("january", "february", "march", "april", "august",
            "september", "october", "november", "december");

    private Months() {
    }

    public static Optional<Integer> number(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.endsWith(".")) {
            key = key.substring(0, key.length() - 1);
        }
        Integer exact = BY_NAME.get(key);
        if (exact != null || key.length() < 4) {
            return Optional.ofNullable(exact);
        }
        // Hand-keyed wire copy has typos ("Marhc", "Marc", "Narch"); one slip in a long name is still that month.
        // May, June and July are left out: one letter off they are other words ("Mary", "Jane", "Jury").
        for (String month : FULL_NAMES) {
            if (withinOneEdit(key, month)) {
                return Optional.of(BY_NAME.get(month));
            }
        }
        return Optional.empty();
    }

    /** One insertion, deletion, substitution or swap of neighbours at most. */
    private static boolean withinOneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == Math.min(a.length(), b.length())) {
            return true;
        }
        if (a.length() == b.length()) {
            boolean swapped = i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
            return swapped || a.substring(i + 1).equals(b.substring(i + 1));
        }
        return a.length() > b.length() ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
    }
}
