package org.newspipeline.enrich.entity;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Triple;
import org.newspipeline.contract.EnrichedArticle.Entity.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One of Stanford CoreNLP's CRF classifiers alone (one per language, see {@link LanguageRecognizers}):
 * no pipeline, no other annotators (the full default pipeline is many times slower and no more
 * accurate). Each line is classified on its own, so no span crosses a line break
 * ("TASS\n\nUN"). The classifier is thread-safe for classification.
 */
public final class CrfEntityRecognizer implements EntityRecognizer {

    public static final String ENGLISH = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";
    public static final String GERMAN = "edu/stanford/nlp/models/ner/german.distsim.crf.ser.gz";
    public static final String SPANISH = "edu/stanford/nlp/models/ner/spanish.ancora.distsim.s512.crf.ser.gz";
    public static final String FRENCH = "edu/stanford/nlp/models/ner/french-wikiner-4class.crf.ser.gz";
    // The English, German and Spanish models say PERSON; the French one says B-PER and I-PER.
    private static final Map<String, Type> TYPES = Map.of(
            "PERSON", Type.PERSON, "ORGANIZATION", Type.ORGANIZATION, "LOCATION", Type.LOCATION,
            "PER", Type.PERSON, "ORG", Type.ORGANIZATION, "LOC", Type.LOCATION);

    /**
     * Words as the models were trained on them (CoNLL-style corpora): "Schleswig-Holstein",
     * "US-Präsident", "Japan-based" and "Völklingen/Fenne" stay one token. CoreNLP's tokenizer splits
     * them by default since 4.0, which cost 1.4 points of F1 on CoNLL dev and 5 on GermEval dev.
     */
    private static final String TOKENIZER_OPTIONS = "splitHyphenated=false,splitForwardSlash=false";

    private final CRFClassifier<CoreLabel> classifier;

    private CrfEntityRecognizer(CRFClassifier<CoreLabel> classifier) {
        this.classifier = classifier;
    }

    /** @param model the class-path resource of a serialized CRF ({@link #ENGLISH}, {@link #GERMAN}, ...) */
    public static CrfEntityRecognizer load(String model) {
        try {
            Properties flags = new Properties();
            flags.setProperty("tokenizerOptions", TOKENIZER_OPTIONS);
            return new CrfEntityRecognizer(CRFClassifier.getClassifier(model, flags));
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the NER model " + model, e);
        }
    }

    @Override
    public List<RecognizedMention> recognize(String text) {
        List<RecognizedMention> mentions = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            if (!line.isBlank()) {
                for (Triple<String, Integer, Integer> span : classifier.classifyToCharacterOffsets(line)) {
                    Type type = TYPES.get(span.first().replaceFirst("^[BI]-", ""));
                    if (type == null) {
                        continue;
                    }
                    int start = lineStart + span.second();
                    int end = lineStart + span.third();
                    RecognizedMention previous = mentions.isEmpty() ? null : mentions.get(mentions.size() - 1);
                    if (span.first().startsWith("I-") && previous != null && previous.type() == type
                            && text.substring(previous.end(), start).isBlank()) {
                        // B-PER "Emmanuel" then I-PER "Macron": one name
                        start = mentions.remove(mentions.size() - 1).start();
                    }
                    mentions.add(new RecognizedMention(start, end, text.substring(start, end), type));
                }
            }
            lineStart = lineEnd + 1;
        }
        return mentions;
    }
}
