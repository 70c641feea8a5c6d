package org.newspipeline.enrich.dateline;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** English month names and the abbreviations wire copy uses ("Feb", "Sept."). */
public final class Months {

    private static final Map<String, Integer> BY_NAME = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7),
            Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9),
            Map.entry("sept", 9), Map.entry("sep", 9), Map.entry("october", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));

    /** The alternatives for a regular expression, in any case ("FEb"), "Sept" before "Sep". */
    public static final String PATTERN = "(?i:January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";

    private Months() {
    }

    public static Optional<Integer> number(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.endsWith(".")) {
            key = key.substring(0, key.length() - 1);
        }
        return Optional.ofNullable(BY_NAME.get(key));
    }
}
