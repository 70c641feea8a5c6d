package org.newspipeline.enrich.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The CRF with two corrections. Catalog names are found as written beside it ({@link Gazetteer}),
 * and where a catalog name and a CRF span overlap the longer one is kept ("CSTO Joint Staff" over
 * "CSTO"; "United Nations Security Council" over "United Nations" and "Security Council").
 * On title-case lines (headlines, sub-heads), where a model trained on running text takes
 * capitalised verbs for names ("... Head Briefs"), a CRF span is kept only if the same words occur
 * in the article's running text too.
 */
public final class CatalogAwareRecognizer implements EntityRecognizer {

    private static final Pattern LONG_WORD = Pattern.compile("\\p{L}{4,}");

    private final EntityRecognizer crf;
    private final Gazetteer gazetteer;

    public CatalogAwareRecognizer(EntityRecognizer crf, Gazetteer gazetteer) {
        this.crf = crf;
        this.gazetteer = gazetteer;
    }

    /** How the service recognizes entities: the CoNLL CRF with the bundled (and user) catalog. */
    public static CatalogAwareRecognizer of(EntityCatalog catalog) {
        return new CatalogAwareRecognizer(CrfEntityRecognizer.load(), catalog.gazetteer());
    }

    @Override
    public List<RecognizedMention> recognize(String text) {
        List<RecognizedMention> known = gazetteer.find(text);
        List<RecognizedMention> kept = new ArrayList<>();
        String runningText = runningText(text);
        for (RecognizedMention m : crf.recognize(text)) {
            if (onTitleCaseLine(text, m) && !runningText.contains(m.text())) {
                continue;
            }
            kept.add(m);
        }
        for (RecognizedMention k : known) {
            if (kept.stream().noneMatch(m -> overlaps(m, k) && m.end() - m.start() > k.end() - k.start())) {
                kept.removeIf(m -> overlaps(m, k));
                kept.add(k);
            }
        }
        kept.sort(Comparator.comparingInt(RecognizedMention::start));
        return kept;
    }

    private static boolean overlaps(RecognizedMention a, RecognizedMention b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    private static boolean onTitleCaseLine(String text, RecognizedMention m) {
        int start = text.lastIndexOf('\n', m.start()) + 1;
        int end = text.indexOf('\n', m.end());
        return isTitleCase(text.substring(start, end < 0 ? text.length() : end));
    }

    /** The text without its title-case lines. */
    private static String runningText(String text) {
        StringBuilder running = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!isTitleCase(line)) {
                running.append(line).append('\n');
            }
        }
        return running.toString();
    }

    /** Most longer words capitalised, but not all capitals (an all-caps headline is the model's to read). */
    static boolean isTitleCase(String line) {
        var m = LONG_WORD.matcher(line);
        int words = 0;
        int capitalised = 0;
        boolean anyLower = false;
        while (m.find()) {
            String w = m.group();
            words++;
            capitalised += Character.isUpperCase(w.codePointAt(0)) ? 1 : 0;
            anyLower |= !w.equals(w.toUpperCase(java.util.Locale.ROOT));
        }
        return words >= 3 && anyLower && capitalised >= words * 0.75;
    }
}
