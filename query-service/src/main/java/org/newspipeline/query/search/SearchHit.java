package org.newspipeline.query.search;

import java.time.Instant;

/** @param snippet HTML: escaped text with matches in {@code <mark>} */
public record SearchHit(String id, String title, String source, Instant publishedAt, String url, String snippet) {
}
