package org.newspipeline.query.search;

import java.time.Instant;
import java.util.List;

/**
 * One search result: the article's headline data, a highlighted snippet and its main entities.
 *
 * @param snippet        HTML: the text escaped, the matching words in {@code <mark>}
 * @param place          the dateline's place, when the article opens with one
 * @param datePrecision  DATETIME, DAY, MONTH or YEAR: how much of {@code publishedAt} the article states
 * @param dateSource     what dated it (FEED, REQUEST, TEXT, DATELINE, FILE, RECEIVED: only the time it arrived)
 * @param dateConfidence 0 to 1
 * @param story          with results collapsed by story: the story and what more of it matches; else null
 */
public record Hit(String id, String title, String source, Instant publishedAt, String url, String snippet,
                  List<String> entities, String language, String place, String datePrecision, String dateSource,
                  Double dateConfidence, StoryHit story) {

    /** An HTML id for the hit's story details, whatever characters its id holds. */
    public String anchor() {
        return "story-" + java.util.UUID.nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Hit withStory(StoryHit s) {
        return new Hit(id, title, source, publishedAt, url, snippet, entities, language, place, datePrecision, dateSource,
                dateConfidence, s);
    }
}
