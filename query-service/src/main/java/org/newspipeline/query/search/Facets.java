package org.newspipeline.query.search;

import java.util.List;

/**
 * The counts of a search's matches by value, of articles or, when its stories are counted
 * ({@link Page#stories()} given), of stories.
 *
 * @param counted how many of the newest matches the counts are over (all of them when fewer than the window)
 */
public record Facets(List<Count> source, List<EntityCount> entity, List<Count> language, List<Count> month, int counted) {
}
