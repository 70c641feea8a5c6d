package org.newspipeline.ingest.extract;

import org.jsoup.Jsoup;
import org.newspipeline.contract.WebUrls;
import org.newspipeline.ingest.article.ArticleSubmission;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * The one extractor for every HTML page the pipeline sees (posted pages, inbox {@code .html} files,
 * pages behind feed items): metadata first, then the main text, which comes from the page's JSON-LD
 * {@code articleBody} when the markup holds less (pages that render their text with scripts).
 */
public final class WebPages {

    /**
     * Pages with more tags, or nested as deep as the parser is let go (there it stops nesting, as
     * browsers do at twice that), are refused: far beyond any real page (those of the development set
     * stay well inside), and only a page made to hold up a reader gets there. Below the parser's own
     * limit, because each tag of a page nested to the limit costs a walk of the whole stack.
     */
    static final int MAX_TAGS = 50_000;
    static final int MAX_DEPTH = 256;

    private WebPages() {
    }

    /**
     * @param charset from the Content-Type header, or null to take it from the BOM or the page's
     *                {@code <meta charset>} (UTF-8 when none)
     */
    public static WebPage extract(byte[] html, Charset charset, String url) {
        if (isWide(html, charset)) {
            // Two or four bytes a character: tags are counted on the characters, before anything is parsed.
            return extract(new String(html, charset != null ? charset : StandardCharsets.UTF_16), url);
        }
        requireFewTags(html.length, i -> html[i]);
        try {
            return read(requireShallow(Jsoup.parse(new ByteArrayInputStream(html), charset == null ? null : charset.name(),
                    url == null ? "" : url, parser())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WebPage extract(String html, String url) {
        return read(parse(html, url));
    }

    /**
     * Any HTML from outside (a homepage, a feed item's content) as a document, refused as pages are
     * (too many tags, nested too deep), so that parsing it stays linear in its size.
     *
     * @throws UnreadablePageException when it is refused
     */
    public static Document parse(String html, String url) {
        requireFewTags(html.length(), html::charAt);
        return requireShallow(Jsoup.parse(html, url == null ? "" : url, parser()));
    }

    /**
     * The page's canonical link when it stays on the host the page was read from, else that address:
     * a page cannot claim another site's URL (and make that site's later articles duplicates). A page
     * read from nowhere known (a file, a body posted without {@code Content-Location}) has no address.
     */
    private static String address(String canonical, String location) {
        if (!WebUrls.isWebUrl(location)) {
            return null;
        }
        // A canonical link longer than an article URL may be is no address: the page's own is taken.
        return WebUrls.sameHost(canonical, location) && canonical.length() <= ArticleSubmission.MAX_FIELD_CHARS
                ? canonical : location;
    }

    private static boolean isWide(byte[] html, Charset charset) {
        if (charset != null) {
            String name = charset.name().toUpperCase(java.util.Locale.ROOT);
            return name.startsWith("UTF-16") || name.startsWith("UTF-32");
        }
        boolean bigEndianMark = html.length >= 2 && html[0] == (byte) 0xFE && html[1] == (byte) 0xFF;
        boolean littleEndianMark = html.length >= 2 && html[0] == (byte) 0xFF && html[1] == (byte) 0xFE;
        return bigEndianMark || littleEndianMark;
    }

    /** A parser holds the state of one parse: a new one each time. */
    private static Parser parser() {
        return Parser.htmlParser().setMaxDepth(MAX_DEPTH);
    }

    /** Counts what may open a tag ({@code <} and a letter) before anything is parsed. */
    private static void requireFewTags(int length, IntUnaryOperator at) {
        int tags = 0;
        for (int i = 0; i + 1 < length; i++) {
            if (at.applyAsInt(i) == '<' && isAsciiLetter(at.applyAsInt(i + 1)) && ++tags > MAX_TAGS) {
                throw new UnreadablePageException("it has more than " + MAX_TAGS + " tags");
            }
        }
    }

    private static boolean isAsciiLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The parser may make more elements than there were tags (closed formatting tags reopen): counted again. */
    private static Document requireShallow(Document doc) {
        int[] elements = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element && ++elements[0] > MAX_TAGS) {
                    throw new UnreadablePageException("it makes more than " + MAX_TAGS + " elements");
                }
                if (depth >= MAX_DEPTH) {
                    throw new UnreadablePageException("it nests elements " + MAX_DEPTH + " deep or more");
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, doc);
        return doc;
    }

    /** The date a URL's path carries ("/2018/09/24/"), for items whose page cannot be read. */
    public static Optional<Instant> dateInUrl(String url) {
        return PageMetadata.dateIn(url);
    }

    private static WebPage read(Document doc) {
        PageMetadata meta = PageMetadata.of(doc);
        String text = MainText.of(doc);
        String scripted = meta.articleBody();
        if (scripted != null && (text.length() < 200 && scripted.length() > text.length())) {
            text = scripted;
        }
        return new WebPage(meta.title(), text, meta.authors(), meta.published() == null ? null : meta.published().date(),
                meta.published() == null ? null : meta.published().evidence(),
                meta.modified() == null ? null : meta.modified().date(), address(meta.canonicalUrl(), doc.location()), meta.language(),
                meta.siteName());
    }
}
