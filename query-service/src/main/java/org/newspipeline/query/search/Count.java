package org.newspipeline.query.search;

/** A value and how many articles have it: a facet entry, a timeline bucket, a source. */
public record Count(String value, long count) {
}
