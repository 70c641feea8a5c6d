package org.newspipeline.enrich.language;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * ISO 639-1 language of a text, by Apache OpenNLP's language-detection model (103 languages).
 * Thread-safe: the model is immutable and each call makes its own detector.
 */
public final class LanguageDetector {

    /** Enough text to be sure; more only costs time. */
    private static final int SAMPLE = 2_000;
    private static final double MIN_CONFIDENCE = 0.5;
    // OpenNLP spreads its confidence over 103 languages: a short clear German text scores 0.55, noise 0.01.
    private static final double SURE = 0.2;
    private static final double CLEAR_LEAD = 3;
    private static final Map<String, String> ISO3_TO_ISO1 = Arrays.stream(Locale.getISOLanguages())
            .collect(Collectors.toMap(l -> new Locale(l).getISO3Language(), l -> l, (a, b) -> a));

    private final LanguageDetectorModel model;

    private LanguageDetector(LanguageDetectorModel model) {
        this.model = model;
    }

    public static LanguageDetector load() {
        try (InputStream in = LanguageDetector.class.getResourceAsStream("/langdetect-183.bin")) {
            if (in == null) {
                throw new IllegalStateException("langdetect-183.bin is not on the class path");
            }
            return new LanguageDetector(new LanguageDetectorModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A language and whether it is beyond reasonable doubt: a stricter test than being named at
     * all, for decisions that throw something away (no entities for a text).
     */
    /**
     * @param language the detector's likeliest language
     * @param sure     beyond reasonable doubt
     * @param named    clear enough to be given as the article's language
     * @param byWords  among the languages with an entity model, the one the text's little words
     *                 belong to (null when they do not say)
     */
    public record Detection(String language, boolean sure, boolean named, String byWords) {

        /** What the sender said: nothing to doubt. */
        public static Detection stated(String language) {
            return new Detection(language, true, true, language);
        }
    }

    /**
     * The detector's best language. It is {@code named} (the article's language) for a text of 200
     * characters or more, and for a shorter one (a feed item's summary) when the model is confident
     * or the best language is well ahead of the next (a 150-char German summary: German 0.30, Swiss
     * German 0.07); otherwise it is only the likeliest, and never {@code sure}.
     */
    public Optional<Detection> detect(String text) {
        String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
        Language[] ranked = new LanguageDetectorME(model).predictLanguages(sample);
        Language best = ranked[0];
        double runnerUp = ranked.length > 1 ? ranked[1].getConfidence() : 0;
        boolean clear = best.getConfidence() >= MIN_CONFIDENCE
                || best.getConfidence() >= SURE && best.getConfidence() >= CLEAR_LEAD * runnerUp;
        boolean named = clear || sample.length() >= 200;
        boolean sure = named && best.getConfidence() >= SURE;
        String byWords = sure ? null : FunctionWords.likeliest(sample);
        return Optional.ofNullable(ISO3_TO_ISO1.get(best.getLang()))
                .map(iso1 -> new Detection(iso1, sure, named, byWords));
    }
}
