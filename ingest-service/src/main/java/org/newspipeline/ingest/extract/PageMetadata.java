package org.newspipeline.ingest.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page's own statements about its article, most trustworthy first: JSON-LD ({@code NewsArticle}
 * and kin), OpenGraph and {@code article:} meta tags, {@code <time>}, visible date lines, the URL.
 */
record PageMetadata(String title, List<String> authors, Dated published, Dated modified, String canonicalUrl,
                    String language, String siteName, String articleBody) {

    /** A date and where on the page it was read. */
    record Dated(Instant date, String evidence) {
    }

    private static final ObjectMapper LENIENT_JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonParser.Feature.ALLOW_COMMENTS).build();

    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "blogposting", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "report", "scholarlyarticle",
            "techarticle", "liveblogposting", "socialmediaposting");

    private static final String[] PUBLISHED_META = {"article:published_time", "og:published_time", "datePublished",
        "pubdate", "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created",
        "sailthru.date", "parsely-pub-date", "article.published", "published_time", "cXenseParse:recs:publishtime"};
    private static final String[] MODIFIED_META = {"article:modified_time", "og:updated_time", "dateModified",
        "last-modified", "dcterms.modified"};

    /** Where a visible date line lives: bylines and meta lines name themselves so. */
    private static final String DATE_LINES = "[class~=(?i)(date|time|meta|byline|posted|published)], [id~=(?i)(date|time)]";

    /** "/2018/09/24/", "/2018-09-24", "/20180924/" in a URL's path. */
    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:[/._-]|$)|/((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?:[/._-]|$)");

    static PageMetadata of(Document doc) {
        List<JsonNode> articles = jsonLdArticles(doc);
        String title = first(text(articles, "headline"), meta(doc, "og:title"), meta(doc, "twitter:title"),
                textOf(doc.selectFirst("h1")), doc.title().isBlank() ? null : doc.title().strip());
        Dated published = firstDated(
                dated(text(articles, "datePublished"), "json-ld datePublished"),
                datedMeta(doc, PUBLISHED_META),
                dated(doc.select("time[datetime]").eachAttr("datetime").stream().findFirst().orElse(null), "time element"),
                dated(firstShortText(doc.select("time[pubdate], [itemprop=datePublished]"), SHORT_TEXT),
                        "time element"),
                dated(firstShortText(doc.select(DATE_LINES), 120),
                        "date line"),
                urlDate(doc.location()));
        Dated modified = firstDated(dated(text(articles, "dateModified"), "json-ld dateModified"),
                datedMeta(doc, MODIFIED_META));
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        String canonicalUrl = first(canonical == null ? null : canonical.absUrl("href"), absMeta(doc, "og:url"),
                doc.location().isBlank() ? null : doc.location());
        Element html = doc.selectFirst("html[lang]");
        String language = language(first(html == null ? null : html.attr("lang"),
                doc.select("meta[http-equiv=content-language]").attr("content"), meta(doc, "og:locale"),
                text(articles, "inLanguage")));
        String siteName = first(meta(doc, "og:site_name"), publisher(articles), meta(doc, "application-name"));
        return new PageMetadata(title, authors(doc, articles), published, modified, canonicalUrl, language, siteName,
                text(articles, "articleBody"));
    }

    /** JSON-LD objects of an article type, wherever they sit (top level, arrays, {@code @graph}). */
    private static List<JsonNode> jsonLdArticles(Document doc) {
        List<JsonNode> found = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                collectArticles(LENIENT_JSON.readTree(script.data()), found);
            } catch (Exception e) {
                // A page's broken JSON-LD is its own business; the other sources still speak.
            }
        }
        return found;
    }

    private static void collectArticles(JsonNode node, List<JsonNode> found) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collectArticles(n, found));
        } else if (node.isObject()) {
            if (isArticle(node.get("@type"))) {
                found.add(node);
            }
            collectArticles(node.get("@graph"), found);
            collectArticles(node.get("mainEntity"), found);
        }
    }

    private static boolean isArticle(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticle(t)) {
                    return true;
                }
            }
            return false;
        }
        return ARTICLE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT));
    }

    private static String text(List<JsonNode> articles, String field) {
        for (JsonNode article : articles) {
            JsonNode value = article.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText().strip();
            }
        }
        return null;
    }

    private static String publisher(List<JsonNode> articles) {
        for (JsonNode article : articles) {
            JsonNode name = article.path("publisher").path("name");
            if (name.isTextual() && !name.asText().isBlank()) {
                return name.asText().strip();
            }
        }
        return null;
    }

    private static List<String> authors(Document doc, List<JsonNode> articles) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode article : articles) {
            JsonNode author = article.get("author");
            if (author != null) {
                (author.isArray() ? author : List.of(author)).forEach(a -> {
                    String name = a.isTextual() ? a.asText() : a.path("name").asText(null);
                    addName(names, name);
                });
            }
        }
        if (names.isEmpty()) {
            addName(names, meta(doc, "author"));
            addName(names, meta(doc, "article:author"));
            for (Element e : doc.select("[rel=author], [itemprop=author] [itemprop=name]")) {
                addName(names, textUpTo(e, SHORT_TEXT));
            }
        }
        return names.stream().limit(10).toList();
    }

    private static void addName(Set<String> names, String name) {
        if (name != null && !name.isBlank() && name.length() < 100 && !name.startsWith("http")) {
            names.add(name.strip());
        }
    }

    private static Dated datedMeta(Document doc, String[] names) {
        for (String name : names) {
            Dated d = dated(meta(doc, name), "meta " + name);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static Dated dated(String value, String evidence) {
        return LooseDates.parse(value).map(d -> new Dated(d, evidence)).orElse(null);
    }

    static Dated urlDate(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_DATE.matcher(url);
        if (!m.find()) {
            return null;
        }
        int g = m.group(1) != null ? 1 : 4;
        return dated(String.format("%s-%02d-%02d", m.group(g), Integer.parseInt(m.group(g + 1)),
                Integer.parseInt(m.group(g + 2))), "url path");
    }

    private static Dated firstDated(Dated... candidates) {
        for (Dated d : candidates) {
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** {@code <meta property=...>}, {@code name=} or {@code itemprop=}, whichever the page uses. */
    private static String meta(Document doc, String name) {
        for (Element m : doc.select("meta[content]")) {
            if (name.equalsIgnoreCase(m.attr("property")) || name.equalsIgnoreCase(m.attr("name"))
                    || name.equalsIgnoreCase(m.attr("itemprop"))) {
                String content = m.attr("content").strip();
                if (!content.isEmpty()) {
                    return content;
                }
            }
        }
        return null;
    }

    private static String absMeta(Document doc, String name) {
        String value = meta(doc, name);
        return value == null || !value.startsWith("http") ? null : value;
    }

    /** Dates and names are short: a longer text is not one, and reading all of it would cost its whole subtree. */
    private static final int SHORT_TEXT = 200;

    /** The first element's text that is not blank and shorter than {@code max}, else null. */
    private static String firstShortText(Elements elements, int max) {
        for (Element e : elements) {
            String text = textUpTo(e, max);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** The element's text when it is not blank and shorter than {@code max}; null otherwise, read no further. */
    private static String textUpTo(Element e, int max) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.text());
                } else if (node instanceof Element el && el.isBlock() && !text.isEmpty()) {
                    text.append(' ');
                }
                return text.length() >= max ? FilterResult.STOP : FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, e);
        if (text.length() >= max || text.toString().isBlank()) {
            return null;
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    private static String textOf(Element e) {
        return e == null || e.text().isBlank() ? null : e.text().strip();
    }

    private static String language(String tag) {
        if (tag == null) {
            return null;
        }
        String code = tag.strip().toLowerCase(Locale.ROOT);
        return code.length() >= 2 && Character.isLetter(code.charAt(0)) && Character.isLetter(code.charAt(1))
                && (code.length() == 2 || !Character.isLetter(code.charAt(2))) ? code.substring(0, 2) : null;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v instanceof String s ? !s.isBlank() : v != null) {
                return v;
            }
        }
        return null;
    }

    static Optional<Instant> dateIn(String url) {
        return Optional.ofNullable(urlDate(url)).map(Dated::date);
    }
}
