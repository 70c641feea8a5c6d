package org.newspipeline.query.story;

import java.util.List;

/**
 * Stories or copy groups joined by an article that bridged them: every article of {@code from}
 * now belongs to {@code into}.
 *
 * @param field {@code story_id} or {@code copy_group}, as the search index names it
 */
public record StoryMerge(String field, List<String> from, String into) {
}
