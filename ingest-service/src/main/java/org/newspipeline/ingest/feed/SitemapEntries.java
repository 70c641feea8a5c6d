package org.newspipeline.ingest.feed;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import org.newspipeline.contract.WebUrls;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Sitemaps as crawler-commons reads them (sitemap indexes, URL sets, Google News tags). Of a
 * sitemap's URLs only news are taken: those with {@code news:news}, or modified within
 * {@link #RECENT}; a whole site's archive is not news to fetch.
 */
final class SitemapEntries {

    static final Duration RECENT = Duration.ofDays(2);
    /** URLs taken from one sitemap file, newest first. */
    static final int MAX_URLS = 1_000;

    /** A news URL with what the sitemap says of it (any may be null). */
    record Entry(String url, String title, Instant published, String language) {
    }

    /** A sitemap file: either the sitemaps an index lists, newest first, or the news URLs of a URL set. */
    record Parsed(List<String> sitemaps, List<Entry> entries) {
    }

    private SitemapEntries() {
    }

    /**
     * A gzipped body ({@code sitemap.xml.gz}) unpacked, refused when it unpacks to more than
     * {@code maxBytes} (a gzip bomb); any other body as it is.
     */
    static byte[] gunzipped(byte[] body, int maxBytes) throws IOException {
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
            return body;
        }
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            byte[] unpacked = in.readNBytes(maxBytes + 1);
            if (unpacked.length > maxBytes) {
                throw new IOException("unpacks to more than " + maxBytes + " bytes");
            }
            return unpacked;
        }
    }

    /** Whether a body is a sitemap (not a feed): by its root element. */
    static boolean isSitemap(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 2048), java.nio.charset.StandardCharsets.UTF_8);
        return head.contains("<urlset") || head.contains("<sitemapindex");
    }

    static Parsed parse(byte[] body, String contentType, String url, Instant now) throws IOException, UnknownFormatException {
        SiteMapParser parser = new SiteMapParser(false, true);
        parser.enableExtension(Extension.NEWS);
        AbstractSiteMap map = parser.parseSiteMap(contentType == null ? "application/xml" : contentType, body, new URL(url));
        if (map.isIndex()) {
            List<String> children = ((SiteMapIndex) map).getSitemaps().stream()
                    .sorted(Comparator.comparing((AbstractSiteMap s) -> Optional.ofNullable(s.getLastModified()).orElse(new Date(0))).reversed())
                    .map(s -> s.getUrl().toString()).filter(u -> WebUrls.sameHost(u, url)).toList();
            return new Parsed(children, List.of());
        }
        List<Entry> entries = new ArrayList<>();
        for (SiteMapURL u : ((SiteMap) map).getSiteMapUrls()) {
            String link = u.getUrl().toString();
            if (!WebUrls.sameHost(link, url)) {
                continue;
            }
            Optional<NewsAttributes> news = news(u);
            boolean recent = u.getLastModified() != null && u.getLastModified().toInstant().isAfter(now.minus(RECENT));
            if (news.isPresent()) {
                NewsAttributes n = news.get();
                entries.add(new Entry(link, blankToNull(n.getTitle()),
                        n.getPublicationDate() == null ? null : n.getPublicationDate().toInstant(), blankToNull(n.getLanguage())));
            } else if (recent) {
                entries.add(new Entry(link, null, null, null));
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> Optional.ofNullable(e.published()).orElse(Instant.EPOCH)).reversed());
        return new Parsed(List.of(), entries.subList(0, Math.min(MAX_URLS, entries.size())));
    }

    private static Optional<NewsAttributes> news(SiteMapURL url) {
        ExtensionMetadata[] attributes = url.getAttributesForExtension(Extension.NEWS);
        if (attributes == null) {
            return Optional.empty();
        }
        for (ExtensionMetadata a : attributes) {
            if (a instanceof NewsAttributes n) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
