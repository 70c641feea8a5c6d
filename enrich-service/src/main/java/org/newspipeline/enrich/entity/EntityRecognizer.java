package org.newspipeline.enrich.entity;

import java.util.List;

/**
 * Finds person, organization and location mentions in a text. Implementations are thread-safe and
 * load their models once; the enrichment code depends on this interface only, so another engine
 * can replace CoreNLP.
 */
public interface EntityRecognizer {

    List<RecognizedMention> recognize(String text);
}
