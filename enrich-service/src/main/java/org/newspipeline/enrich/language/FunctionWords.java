package org.newspipeline.enrich.language;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which of the languages with an entity model a short text's little words belong to. A sentence
 * is too short for the statistical detector to be sure, but "der", "und", "ist" or "the", "of",
 * "was" say much: a tie-breaker where the detector hesitates, never a detector of its own.
 */
final class FunctionWords {

    private static final Map<String, Set<String>> WORDS = Map.of(
            "en", Set.of("the", "of", "and", "to", "is", "was", "were", "that", "with", "for", "from", "by", "has", "have",
                    "had", "it", "its", "his", "her", "their", "which", "who", "this", "on", "at", "be", "been", "are", "said"),
            "de", Set.of("der", "die", "das", "und", "ist", "war", "nicht", "mit", "von", "den", "dem", "des", "ein", "eine",
                    "einer", "einem", "auf", "für", "sich", "auch", "wurde", "wird", "sind", "hat", "zu", "im", "bei", "nach", "aus",
                    "am", "zum", "zur", "um", "sie", "er", "wir", "ich", "nur", "noch", "oder", "aber", "als", "wie", "dass"),
            "fr", Set.of("le", "la", "les", "et", "est", "une", "des", "du", "dans", "pour", "que", "qui", "sur", "pas", "au",
                    "aux", "avec", "été", "sont", "ont", "par", "il", "elle", "ce", "cette", "mais"),
            "es", Set.of("el", "los", "las", "y", "es", "una", "del", "en", "por", "que", "con", "para", "fue", "son", "al",
                    "lo", "como", "su", "sus", "pero", "ha", "han", "está", "este", "esta"));

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** Words read: more are never needed to break a tie. */
    private static final int SAMPLE_WORDS = 200;

    private FunctionWords() {
    }

    /** The language whose little words the text has most of, at least two and more than any other; else null. */
    static String likeliest(String text) {
        Map<String, Integer> hits = new java.util.HashMap<>();
        var words = WORD.matcher(text);
        for (int n = 0; n < SAMPLE_WORDS && words.find(); n++) {
            String w = words.group().toLowerCase(Locale.ROOT);
            WORDS.forEach((language, set) -> {
                if (set.contains(w)) {
                    hits.merge(language, 1, Integer::sum);
                }
            });
        }
        String best = null;
        int most = 1;
        boolean tie = false;
        for (var e : hits.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
                tie = false;
            } else if (e.getValue() == most) {
                tie = true;
            }
        }
        return tie ? null : best;
    }
}
