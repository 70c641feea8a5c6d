package org.newspipeline.ingest.source;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.newspipeline.contract.Source;
import org.newspipeline.contract.WebUrls;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OPML 2.0 as feed readers write it: one {@code outline} per feed with {@code xmlUrl}, its site in
 * {@code htmlUrl} and its name in {@code text} or {@code title}. Feeds of one site become one source.
 */
public final class Opml {

    public static final String MEDIA_TYPE = "text/x-opml";
    /** Outlines read from one document at most. */
    static final int MAX_OUTLINES = 20_000;

    private Opml() {
    }

    /** The sources an OPML document lists, feeds grouped by site; outlines without a web feed URL are skipped. */
    public static List<SourceRequest> read(String xml) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        if (doc.selectFirst("opml") == null) {
            throw new InvalidSourceException(400, "body: not an OPML document (no <opml> element)");
        }
        Map<String, SourceRequest> bySite = new LinkedHashMap<>();
        int n = 0;
        for (Element outline : doc.select("outline[xmlUrl]")) {
            if (++n > MAX_OUTLINES) {
                throw new InvalidSourceException(400, "body: more than " + MAX_OUTLINES + " outlines");
            }
            String feed = outline.attr("xmlUrl").strip();
            if (!WebUrls.isWebUrl(feed)) {
                continue;
            }
            String site = WebUrls.isWebUrl(outline.attr("htmlUrl").strip()) ? outline.attr("htmlUrl").strip() : origin(feed);
            String name = !outline.attr("text").isBlank() ? outline.attr("text").strip() : outline.attr("title").strip();
            String language = outline.attr("language").isBlank() ? null : outline.attr("language").strip();
            bySite.merge(site, new SourceRequest(null, name.isEmpty() ? null : name, site, null, language, null,
                    List.of(feed), null, null, null), (a, b) -> {
                        List<String> feeds = new ArrayList<>(a.feeds());
                        feeds.addAll(b.feeds());
                        return new SourceRequest(null, a.name(), site, null, a.language(), null, feeds, null, null, null);
                    });
        }
        return List.copyOf(bySite.values());
    }

    public static String write(Collection<Source> sources) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n")
                .append("  <head><title>news-pipeline sources</title></head>\n  <body>\n");
        for (Source s : sources) {
            for (String feed : s.feeds()) {
                xml.append("    <outline type=\"rss\" text=\"").append(escape(s.name())).append("\" title=\"").append(escape(s.name()))
                        .append("\" xmlUrl=\"").append(escape(feed)).append("\" htmlUrl=\"").append(escape(s.homepage())).append('"');
                if (s.language() != null) {
                    xml.append(" language=\"").append(escape(s.language())).append('"');
                }
                xml.append("/>\n");
            }
        }
        return xml.append("  </body>\n</opml>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String origin(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            return uri.getScheme() + "://" + uri.getRawAuthority() + "/";
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
