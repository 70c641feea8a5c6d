package org.newspipeline.enrich.preview;

/**
 * What {@code POST /enrichments} takes as JSON. Dates are ISO-8601 days or instants with offset.
 *
 * @param referenceDate what a date without a year is resolved against
 * @param language      the text's language (ISO 639-1) when the caller knows it: it wins over detection
 */
public record PreviewRequest(String text, String title, String url, String source, String publishedAt,
                             String referenceDate, String language) {
}
