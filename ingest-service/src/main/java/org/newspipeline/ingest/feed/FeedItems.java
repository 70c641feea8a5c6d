package org.newspipeline.ingest.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.newspipeline.contract.WebUrls;
import org.newspipeline.ingest.article.ArticleSubmission;
import org.newspipeline.ingest.extract.LooseDates;
import org.newspipeline.ingest.extract.UnreadablePageException;
import org.newspipeline.ingest.extract.WebPages;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A feed item as an article: link to url, content (else summary) as text to body, the item's
 * date, author and categories. The feed's title goes as the source; enrich-service prefers the
 * outlet its registry knows for the link's host.
 */
final class FeedItems {

    private FeedItems() {
    }

    /**
     * @param rawDates each item's date as the feed writes it, by link ({@link #rawDates}), for the
     *                 dates ROME cannot read ("Seg, 24 Set 2018 19:42:40 -0300")
     * @return null for an item with no text at all
     */
    static ArticleSubmission toSubmission(SyndFeed feed, SyndEntry entry, Map<String, String> rawDates) {
        String html = entry.getContents().stream().map(SyndContent::getValue).filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(entry.getDescription() == null ? null : entry.getDescription().getValue());
        String body = html == null ? null : text(html);
        if (body == null || body.isBlank()) {
            body = entry.getTitle();
        }
        if (body == null || body.isBlank()) {
            return null;
        }
        String language = feed.getLanguage() == null || feed.getLanguage().length() < 2 ? null : feed.getLanguage().substring(0, 2);
        Instant date = date(entry, rawDates.get(entry.getLink())).orElse(null);
        // A link that is no web address (javascript:, a relative path) is no article URL: the item keeps its text.
        String link = WebUrls.isWebUrl(entry.getLink()) ? entry.getLink().strip() : null;
        return new ArticleSubmission(entry.getTitle() == null ? null : entry.getTitle().strip(), body, link,
                feed.getTitle() == null ? null : feed.getTitle().strip(), date == null ? null : date.toString(),
                language, null, entry.getAuthor() == null || entry.getAuthor().isBlank() ? null : entry.getAuthor().strip(),
                categories(entry));
    }

    /** The item's date as ROME read it, else as we read the feed's text of it, else from the link's path. */
    private static Optional<Instant> date(SyndEntry entry, String rawDate) {
        Date parsed = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        if (parsed != null) {
            return Optional.of(parsed.toInstant());
        }
        return LooseDates.parse(rawDate).or(() -> WebPages.dateInUrl(entry.getLink()));
    }

    /** Each item's date text by its link: RSS pubDate or dc:date, Atom published or updated. */
    static Map<String, String> rawDates(String xml) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        Map<String, String> dates = new HashMap<>();
        for (Element item : doc.select("item, entry")) {
            Element link = item.selectFirst("> link");
            String href = link == null ? null : link.hasAttr("href") ? link.attr("href") : link.text();
            Element date = item.selectFirst("> pubDate, > dc|date, > published, > updated");
            if (href != null && date != null) {
                dates.put(href.strip(), date.text().strip());
            }
        }
        return dates;
    }

    private static List<String> categories(SyndEntry entry) {
        return entry.getCategories().stream().map(SyndCategory::getName).filter(n -> n != null && !n.isBlank()).toList();
    }

    /** Paragraphs of text from an HTML fragment; null when it is refused as a page would be (too many tags, too deep). */
    private static String text(String html) {
        Document doc;
        try {
            doc = WebPages.parse(html, null);
        } catch (UnreadablePageException e) {
            return null;
        }
        doc.select("br").append("\\n");
        doc.select("p, div, li").prepend("\\n\\n");
        return doc.text().replace("\\n", "\n").replaceAll("[ \t]*\n[ \t]*", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }
}
