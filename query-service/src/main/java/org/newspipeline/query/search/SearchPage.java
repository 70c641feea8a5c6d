package org.newspipeline.query.search;

import java.util.List;

/** @param total how many articles match in all */
public record SearchPage(long total, List<SearchHit> items) {
}
