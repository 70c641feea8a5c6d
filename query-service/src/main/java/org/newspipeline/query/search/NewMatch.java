package org.newspipeline.query.search;

/** A newly stored article that matches a live search. */
public record NewMatch(String id, String title) {
}
