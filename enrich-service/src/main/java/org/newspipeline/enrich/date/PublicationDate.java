package org.newspipeline.enrich.date;

import org.newspipeline.contract.EnrichedArticle.Publication;

import java.time.Instant;

/** The publication date decided for an article, and how it was decided. */
public record PublicationDate(Instant at, Publication publication) {
}
