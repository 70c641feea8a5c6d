package org.newspipeline.enrich.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The CRF with the catalog beside it: catalog names are found as written ({@link Gazetteer}), and
 * where a catalog name and a CRF span overlap the longer one is kept ("CSTO Joint Staff" over
 * "CSTO"; "United Nations Security Council" over "United Nations" and "Security Council"), unless
 * the CRF span only glues catalog names together ("More United Nations", "Treaty Organization and
 * United Nations"). Headlines are handled with the whole article in view ({@link TitleCaseLines}).
 */
public final class CatalogAwareRecognizer implements EntityRecognizer {

    private static final Pattern LONG_OR_SHORT_WORD = Pattern.compile("\\p{L}+");

    private final EntityRecognizer crf;
    private final Supplier<EntityCatalog> catalogs;

    /** @param catalogs the catalog as it stands now (corrections arrive while the service runs) */
    public CatalogAwareRecognizer(EntityRecognizer crf, Supplier<EntityCatalog> catalogs) {
        this.crf = crf;
        this.catalogs = catalogs;
    }

    @Override
    public List<RecognizedMention> recognize(String text) {
        List<RecognizedMention> known = catalogs.get().gazetteer().find(text);
        List<RecognizedMention> kept = new ArrayList<>();
        for (RecognizedMention m : crf.recognize(text)) {
            List<RecognizedMention> inside = known.stream().filter(k -> k.start() >= m.start() && k.end() <= m.end()).toList();
            if (!inside.isEmpty() && onlyGlueAround(text, m, inside)) {
                continue; // "More United Nations", "Treaty Organization and United Nations": the catalog names say it better
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

    /**
     * Whether what the catalog names inside a span leave over is only glue: lower-case words ("and")
     * or the capitalised first word of a line or sentence ("More"), never a name of its own ("Joint Staff").
     */
    private static boolean onlyGlueAround(String text, RecognizedMention span, List<RecognizedMention> inside) {
        int at = span.start();
        for (RecognizedMention k : inside) {
            if (!isGlue(text, at, k.start())) {
                return false;
            }
            at = Math.max(at, k.end());
        }
        return isGlue(text, at, span.end());
    }

    private static boolean isGlue(String text, int from, int to) {
        var words = LONG_OR_SHORT_WORD.matcher(text.substring(from, to));
        while (words.find()) {
            int start = from + words.start();
            boolean lower = Character.isLowerCase(words.group().codePointAt(0));
            if (!lower && !startsSentence(text, start)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || ".:!?\n“\"".indexOf(text.charAt(i)) >= 0;
    }

    private static boolean overlaps(RecognizedMention a, RecognizedMention b) {
        return a.start() < b.end() && b.start() < a.end();
    }

}
