package org.newspipeline.ingest.feed;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import org.junit.jupiter.api.Test;
import org.newspipeline.ingest.article.ArticleSubmission;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A feed item's HTML content as the article's text, read under the limits every page is read with. */
class FeedItemsTest {

    @Test
    void an_items_paragraphs_become_its_text() {
        assertEquals("One.\n\nTwo.", submission("<p>One.</p><p>Two.</p>").body());
    }

    @Test
    void content_nested_or_tagged_beyond_any_page_is_not_read_and_the_item_keeps_its_title() {
        assertEquals("Title", submission("<div>".repeat(1_000) + "text").body());
        assertEquals("Title", submission("<b>x</b>".repeat(60_000)).body());
    }

    private static ArticleSubmission submission(String html) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setTitle("Example Outlet");
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle("Title");
        entry.setLink("https://example.org/a");
        SyndContentImpl content = new SyndContentImpl();
        content.setType("text/html");
        content.setValue(html);
        entry.setContents(List.of(content));
        return FeedItems.toSubmission(feed, entry, Map.of());
    }
}
