package org.newspipeline.enrich.entity;

import org.newspipeline.contract.EnrichedArticle.Entity.Type;

/** A span of text a recognizer typed as a person, organization or place; offsets into the text given. */
public record RecognizedMention(int start, int end, String text, Type type) {
}
