package org.newspipeline.enrich.text;

import java.util.regex.Pattern;

/**
 * Lines that list names: squads, line-ups, results, cabinets ("Squad : Javier Pertile , Paolo
 * Vaccari , ..."; "Japan : 19 - Kenichi Shimokawa , 2 - ..."). Short capitalised runs between
 * commas, semicolons, numbers, dashes and brackets; no headline and no prose.
 */
public final class NameLists {

    /** What separates the entries of a list: punctuation, brackets, dashes and numbers. */
    private static final Pattern SEPARATOR = Pattern.compile("[,;:()\\[\\]/|–—]|\\s-\\s|\\d+(?:[-.:/]\\d+)*(?:st|nd|rd|th)?");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** An entry of a list is a name or two: longer runs between separators are prose. */
    private static final int MAX_ENTRY_WORDS = 5;

    private NameLists() {
    }

    /** At least three entries, at least two separators, and no entry longer than a name or two. */
    public static boolean isList(String line) {
        int separators = 0;
        var m = SEPARATOR.matcher(line);
        while (m.find()) {
            separators++;
        }
        int entries = 0;
        for (String entry : SEPARATOR.split(line)) {
            if (entry.isBlank()) {
                continue;
            }
            entries++;
            if (SPACE.split(entry.strip()).length > MAX_ENTRY_WORDS) {
                return false;
            }
        }
        return entries >= 3 && separators >= 2;
    }
}
