package org.newspipeline.ingest.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import org.jsoup.Jsoup;
import org.newspipeline.ingest.article.ArticleSubmission;

import java.util.Date;
import java.util.List;

/**
 * A feed item as an article: link to url, pubDate/updated to publishedAt, content (else summary)
 * as text to body, the feed's title as the outlet.
 */
final class FeedItems {

    private FeedItems() {
    }

    /** @return null for an item with no text at all */
    static ArticleSubmission toSubmission(SyndFeed feed, SyndEntry entry) {
        String html = entry.getContents().stream().map(SyndContent::getValue).filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(entry.getDescription() == null ? null : entry.getDescription().getValue());
        String body = html == null ? null : text(html);
        if (body == null || body.isBlank()) {
            body = entry.getTitle();
        }
        if (body == null || body.isBlank()) {
            return null;
        }
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        String language = feed.getLanguage() == null || feed.getLanguage().length() < 2 ? null : feed.getLanguage().substring(0, 2);
        return new ArticleSubmission(entry.getTitle() == null ? null : entry.getTitle().strip(), body, entry.getLink(),
                feed.getTitle() == null ? null : feed.getTitle().strip(), date == null ? null : date.toInstant().toString(),
                language, null, entry.getAuthor() == null || entry.getAuthor().isBlank() ? null : entry.getAuthor().strip(),
                categories(entry));
    }

    private static List<String> categories(SyndEntry entry) {
        return entry.getCategories().stream().map(SyndCategory::getName).filter(n -> n != null && !n.isBlank()).toList();
    }

    /** Paragraphs of text from an HTML fragment. */
    private static String text(String html) {
        var doc = Jsoup.parseBodyFragment(html);
        doc.select("br").append("\\n");
        doc.select("p, div, li").prepend("\\n\\n");
        return doc.text().replace("\\n", "\n").replaceAll("[ \t]*\n[ \t]*", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }
}
