package org.newspipeline.enrich.preview;

/**
 * What {@code POST /enrichments} takes as JSON. Dates are ISO-8601 days or instants with offset.
 *
 * @param referenceDate what a date without a year is resolved against
 */
public record PreviewRequest(String text, String title, String url, String source, String publishedAt,
                             String referenceDate) {
}
