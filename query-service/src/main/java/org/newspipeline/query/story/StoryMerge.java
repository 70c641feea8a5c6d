package org.newspipeline.query.story;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stories or copy groups joined by an article that bridged them: every article of {@code from}
 * now belongs to {@code into}.
 *
 * @param field {@code story_id} or {@code copy_group}, as the search index names it
 */
public record StoryMerge(String field, List<String> from, String into) {

    /**
     * Where a batch's merges, made one after the other, leave each group they moved, by field: a
     * group merged into one that was merged in turn ends in the last.
     */
    public static Map<String, Map<String, String>> moves(List<StoryMerge> merges) {
        Map<String, Map<String, String>> byField = new LinkedHashMap<>();
        for (StoryMerge m : merges) {
            Map<String, String> moves = byField.computeIfAbsent(m.field(), f -> new LinkedHashMap<>());
            moves.replaceAll((group, to) -> m.from().contains(to) ? m.into() : to);
            // A group already moved in this batch and begun again under its id: its articles from before the
            // batch are where it went; the new ones are written with their final places.
            m.from().forEach(group -> moves.putIfAbsent(group, m.into()));
        }
        // A group merged away and begun again under its id, then joined by the one it went into, stays.
        byField.values().forEach(moves -> moves.entrySet().removeIf(move -> move.getKey().equals(move.getValue())));
        return byField;
    }
}
