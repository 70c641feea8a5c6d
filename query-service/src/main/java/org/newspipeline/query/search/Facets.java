package org.newspipeline.query.search;

import java.util.List;

/**
 * @param counted   how many of the newest matches the counts are over (all of them when fewer than the window)
 * @param ofStories whether the counts are of stories (results collapsed by story) or of articles
 */
public record Facets(List<Count> source, List<EntityCount> entity, List<Count> language, List<Count> month, int counted,
                     boolean ofStories) {
}
