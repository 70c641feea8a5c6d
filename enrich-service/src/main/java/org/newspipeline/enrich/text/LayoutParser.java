package org.newspipeline.enrich.text;

import org.newspipeline.enrich.dateline.Dateline;
import org.newspipeline.enrich.dateline.DatelineParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Splits wire copy into title, dateline and clean body. The body keeps every line of the story
 * (and its line breaks); it loses the title line, the dateline, page furniture and closing credits.
 */
public final class LayoutParser {

    /** How far into the text a dateline may start: after a title, a standfirst and captions. */
    private static final int DATELINE_SEARCH_PARAGRAPHS = 8;
    private static final int MAX_TITLE_LENGTH = 250;
    private static final int MADE_TITLE_LENGTH = 160;
    /** A stated-date marker some scrapers put before the story ("date 2020-05-26"). */
    private static final Pattern DATE_MARKER = Pattern.compile("^\\s*date\\s+\\d{4}-\\d{2}-\\d{2}\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\"“])");

    private final Predicate<String> isClosingCredit;

    /** @param isClosingCredit whether a line is a source's sign-off ("Reuter") */
    public LayoutParser(Predicate<String> isClosingCredit) {
        this.isClosingCredit = isClosingCredit;
    }

    public ArticleLayout parse(String cleanText, String givenTitle) {
        List<String> lines = new ArrayList<>(List.of(DATE_MARKER.matcher(cleanText).replaceFirst("").split("\n", -1)));
        List<String> photoCredits = new ArrayList<>();
        lines.removeIf(line -> {
            if (line.isBlank() || !Furniture.isFurniture(line)) {
                return false;
            }
            if (Furniture.isPhotoCredit(line)) {
                photoCredits.add(line.strip());
            }
            return true;
        });
        Optional<String> closingCredit = removeClosingCredit(lines);

        List<Integer> paragraphStarts = paragraphStarts(lines);
        int datelineLine = -1;
        Optional<Dateline> dateline = Optional.empty();
        for (int p = 0; p < Math.min(DATELINE_SEARCH_PARAGRAPHS, paragraphStarts.size()) && dateline.isEmpty(); p++) {
            int line = paragraphStarts.get(p);
            dateline = DatelineParser.parse(lines.get(line).strip());
            datelineLine = dateline.isPresent() ? line : -1;
        }

        String title = givenTitle == null || givenTitle.isBlank() ? null : givenTitle.strip();
        int firstLine = paragraphStarts.isEmpty() ? -1 : paragraphStarts.get(0);
        // A text of one line is its own body (the title may repeat it), never a title without a body.
        if (firstLine >= 0 && firstLine != datelineLine && looksLikeTitle(lines.get(firstLine))
                && hasTextBesides(lines, firstLine)) {
            String line = lines.get(firstLine).strip();
            if (title == null || title.equalsIgnoreCase(line)) {
                title = line;
                lines.set(firstLine, "");
            }
        }
        if (datelineLine >= 0) {
            String lead = lines.get(datelineLine).strip();
            lines.set(datelineLine, lead.substring(dateline.get().end()));
        }
        String body = String.join("\n", lines).replaceAll("\n{3,}", "\n\n").strip();
        boolean fromLead = title == null;
        if (fromLead) {
            title = titleFromLead(body);
        }
        return new ArticleLayout(title, fromLead, dateline, body, closingCredit, List.copyOf(photoCredits));
    }

    private Optional<String> removeClosingCredit(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String candidate = withoutTrailingDots(line);
            if (isClosingCredit.test(candidate)) {
                lines.remove(i);
                return Optional.of(candidate);
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The line without the dots and spaces it ends with. A loop, not {@code replaceAll("[.\\s]+$")}:
     * that regex retries from every dot of a long run that does not end the line, quadratic in a last
     * line of many dots and an "x".
     */
    private static String withoutTrailingDots(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '.' || Character.isWhitespace(line.charAt(end - 1)))) {
            end--;
        }
        return line.substring(0, end);
    }

    private static boolean hasTextBesides(List<String> lines, int line) {
        for (int i = 0; i < lines.size(); i++) {
            if (i != line && !lines.get(i).isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> paragraphStarts(List<String> lines) {
        List<Integer> starts = new ArrayList<>();
        boolean inParagraph = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            // Reuters-style copy indents a new paragraph instead of leaving a blank line.
            boolean indented = line.startsWith("    ") && !line.isBlank();
            if (!line.isBlank() && (!inParagraph || indented)) {
                starts.add(i);
            }
            inParagraph = !line.isBlank();
        }
        return starts;
    }

    private static boolean looksLikeTitle(String line) {
        String t = line.strip();
        return t.length() <= MAX_TITLE_LENGTH && !t.endsWith(".") && !t.endsWith(",") && !t.endsWith(":");
    }

    /** The lead's first sentence, shortened at a word boundary: a title for copy that has none. */
    static String titleFromLead(String body) {
        String lead = body.strip().split("\n", 2)[0];
        String sentence = SENTENCE_END.split(lead, 2)[0].strip();
        if (sentence.length() <= MADE_TITLE_LENGTH) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', MADE_TITLE_LENGTH);
        return sentence.substring(0, cut > 40 ? cut : Cuts.atOrBefore(sentence, MADE_TITLE_LENGTH)) + "…";
    }
}
