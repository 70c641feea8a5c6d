package org.newspipeline.enrich.entity;

import org.newspipeline.enrich.text.NameLists;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Headlines and sub-heads in title case, where a model trained on running text takes capitalised
 * verbs for names ("Collective Security Treaty Organization Head Briefs"): a span found on such a
 * line is kept only if its words occur in the article's running text too, or the catalog knows it.
 * An article of title-case lines only has nothing to compare with, and keeps all. A line that lists
 * names (squads, results, line-ups, cabinets: short capitalised runs between commas, semicolons,
 * numbers, dashes and brackets) is no headline: its names are the news.
 */
final class TitleCaseLines {

    private static final Pattern LONG_WORD = Pattern.compile("\\p{L}{4,}");

    private TitleCaseLines() {
    }

    static List<RecognizedMention> drop(String text, List<RecognizedMention> mentions, Predicate<String> known) {
        String running = runningText(text);
        if (running.isBlank()) {
            return mentions;
        }
        List<RecognizedMention> kept = new ArrayList<>();
        for (RecognizedMention m : mentions) {
            if (!onTitleCaseLine(text, m) || running.contains(m.text()) || known.test(m.text())) {
                kept.add(m);
            }
        }
        return kept;
    }

    private static boolean onTitleCaseLine(String text, RecognizedMention m) {
        int start = text.lastIndexOf('\n', Math.max(0, m.start() - 1)) + 1;
        int end = text.indexOf('\n', m.end());
        return isHeadline(text.substring(start, end < 0 ? text.length() : end));
    }

    static boolean isHeadline(String line) {
        return isTitleCase(line) && !NameLists.isList(line);
    }

    private static String runningText(String text) {
        StringBuilder running = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!isHeadline(line)) {
                running.append(line).append('\n');
            }
        }
        return running.toString();
    }

    /** Four or more longer words, most capitalised, not all in capitals (an all-caps line is the model's to read). */
    static boolean isTitleCase(String line) {
        var m = LONG_WORD.matcher(line);
        int words = 0;
        int capitalised = 0;
        boolean anyLower = false;
        while (m.find()) {
            String w = m.group();
            words++;
            capitalised += Character.isUpperCase(w.codePointAt(0)) ? 1 : 0;
            anyLower |= !w.equals(w.toUpperCase(Locale.ROOT));
        }
        return words >= 4 && anyLower && capitalised >= words * 0.75;
    }
}
