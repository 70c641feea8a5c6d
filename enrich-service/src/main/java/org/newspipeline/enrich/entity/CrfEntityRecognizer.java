package org.newspipeline.enrich.entity;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Triple;
import org.newspipeline.contract.EnrichedArticle.Entity.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stanford CoreNLP's CoNLL 4-class CRF alone: no pipeline, no other annotators (the full default
 * pipeline is about 20 times slower and no more accurate). Each line is classified on its own, so
 * no span crosses a line break ("TASS\n\nUN"). The classifier is thread-safe for classification.
 */
public final class CrfEntityRecognizer implements EntityRecognizer {

    public static final String MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";
    private static final Map<String, Type> TYPES = Map.of(
            "PERSON", Type.PERSON, "ORGANIZATION", Type.ORGANIZATION, "LOCATION", Type.LOCATION);

    private final CRFClassifier<CoreLabel> classifier;

    private CrfEntityRecognizer(CRFClassifier<CoreLabel> classifier) {
        this.classifier = classifier;
    }

    public static CrfEntityRecognizer load() {
        try {
            return new CrfEntityRecognizer(CRFClassifier.getClassifier(MODEL));
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the NER model " + MODEL, e);
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
                    Type type = TYPES.get(span.first());
                    if (type != null) {
                        int start = lineStart + span.second();
                        int end = lineStart + span.third();
                        mentions.add(new RecognizedMention(start, end, text.substring(start, end), type));
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return mentions;
    }
}
