package org.newspipeline.query.story;

/** Which story and which copy group an article belongs to (each named by the id of an article). */
public record StoryAssignment(String storyId, String copyGroup) {

    /** An article not (yet) assigned: a story and a copy group of its own. */
    public static StoryAssignment alone(String articleId) {
        return new StoryAssignment(articleId, articleId);
    }
}
