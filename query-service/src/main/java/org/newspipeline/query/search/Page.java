package org.newspipeline.query.search;

import java.util.List;

/**
 * One page of search results.
 *
 * @param totalExact false when there are more matches than {@code total} says
 * @param stories    with results collapsed by story: how many stories match (null otherwise, and on the
 *                   search page's first render, whose stories are counted after it)
 * @param next       the cursor of the next page; null after the last match
 */
public record Page(long total, boolean totalExact, Long stories, List<Hit> items, Facets facets, String next) {
}
