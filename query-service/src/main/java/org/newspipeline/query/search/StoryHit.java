package org.newspipeline.query.search;

import java.util.List;

/**
 * A hit's story, when results are collapsed by story.
 *
 * @param more    how many other articles of the story match the search
 * @param outlets how many sources the story's matching articles come from
 * @param others  the first few of those other articles, newest first
 */
public record StoryHit(String id, long more, long outlets, List<Other> others) {

    /** Another matching article of the story, as a line under the hit. */
    public record Other(String id, String title, String source, String publishedAt) {
    }
}
