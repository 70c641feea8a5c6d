package org.newspipeline.query.search;

/**
 * A newly stored article that matches a live search.
 *
 * @param story    the story it belongs to
 * @param newStory whether it began that story (else the story grew by it)
 */
public record NewMatch(String id, String title, String story, boolean newStory) {
}
