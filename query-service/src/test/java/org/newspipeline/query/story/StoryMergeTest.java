package org.newspipeline.query.story;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A batch's merges as the search index applies them: one move per group, to where it ends. */
class StoryMergeTest {

    @Test
    void a_group_merged_into_one_merged_in_turn_ends_in_the_last() {
        var moves = StoryMerge.moves(List.of(
                new StoryMerge("story_id", List.of("a", "b"), "c"),
                new StoryMerge("copy_group", List.of("x"), "y"),
                new StoryMerge("story_id", List.of("c"), "d")));
        assertEquals(Map.of("story_id", Map.of("a", "d", "b", "d", "c", "d"), "copy_group", Map.of("x", "y")), moves);
    }

    @Test
    void a_group_begun_again_under_a_merged_id_and_joined_back_does_not_move() {
        var moves = StoryMerge.moves(List.of(
                new StoryMerge("story_id", List.of("a"), "b"),
                new StoryMerge("story_id", List.of("b"), "a")));
        assertEquals(Map.of("story_id", Map.of("b", "a")), moves);
    }

    @Test
    void a_group_merged_away_begun_again_and_merged_elsewhere_leaves_its_old_articles_where_they_went() {
        var moves = StoryMerge.moves(List.of(
                new StoryMerge("story_id", List.of("a"), "b"),
                new StoryMerge("story_id", List.of("a"), "c")));
        assertEquals(Map.of("story_id", Map.of("a", "b")), moves);
    }
}
