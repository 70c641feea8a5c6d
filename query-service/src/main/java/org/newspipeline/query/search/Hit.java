package org.newspipeline.query.search;

import java.time.Instant;
import java.util.List;

/** One search result: the article's headline data, a highlighted snippet and its main entities. */
public record Hit(String id, String title, String source, Instant publishedAt, String url, String snippet,
                  List<String> entities) {
}
