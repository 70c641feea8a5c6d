package org.newspipeline.query.search;

/** An entity facet entry: the canonical name, its type (PERSON, ORGANIZATION, LOCATION) and how many articles. */
public record EntityCount(String value, String type, long count) {
}
