package org.newspipeline.ingest.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.Elements;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The main text of a web page, as paragraphs: the page is cleaned of what is never article text
 * (navigation, share bars, comments, captions...), the container that holds most running text is
 * chosen, and its blocks are kept unless they read like link lists or page furniture. The scoring
 * is our own, tuned on a development set of 949 real pages (see ExtractionBenchmark).
 */
final class MainText {

    /** Elements that never hold article text. */
    private static final String NEVER_TEXT = "script, style, template, svg, math, iframe, object, embed, canvas, video, "
            + "audio, map, nav, footer, button, select, input, textarea, label, figcaption, dialog, "
            + "[hidden], [aria-hidden=true], [role=navigation], [role=complementary], [role=contentinfo], "
            + "[role=banner], [role=search], [role=dialog], [role=alert], [style~=(?i)display:\\s*none], "
            + "[style~=(?i)visibility:\\s*hidden], [itemprop=comment], [itemprop=author], [rel=author]";

    /** Words of a class or id that mark page furniture. */
    private static final Pattern FURNITURE = Pattern.compile("(?i)(?:^|[-_\\s])(?:"
            + "comments?|commentlist|kommentare?|share|sharing|sharebar|shariff|social|socials|sociable|related|"
            + "relatedposts|jp-relatedposts|footer|foot|nav|navi|navigation|navbar|menu|menubar|breadcrumbs?|"
            + "sidebar|widget|widgets|cookies?|consent|gdpr|banner|newsletter|subscribe|subscription|promo|advert|"
            + "advertisement|ads?|adsbygoogle|sponsor|sponsored|popup|modal|overlay|tags|tagcloud|taglist|byline|"
            + "author|authors|author-info|authorbox|meta|postmeta|entry-meta|post-meta|dateline|date|time|timestamp|"
            + "published|posted-on|caption|credits?|pagination|pager|print|login|signup|skip|teaser|teasers|"
            + "recommended|recommendations|more-stories|most-read|mostread|popular|trending|toolbar|disqus|rating|"
            + "copyright|legal|imprint|impressum|masthead|topbar|site-header|related-articles|"
            + "read-more|readmore|also|see-also|categories|category|cat-links|tag-links|post-tags|"
            + "screen-reader-text|sr-only|visually-hidden|wp-caption-text|jump|toc|follow|"
            + "donate|donation|paywall|offer|feedback|contact|mailto|bio|about-author|profile|avatar|"
            + "infobox|box-info|sharedaddy|addthis|a2a|wpcnt|postnav|post-navigation|nav-links|prevnext"
            + ")(?:$|[-_\\s\\d])");

    /** Names of an article's lead ("teaser-text", "intro", "standfirst"), which furniture words must not take away. */
    private static final Pattern LEAD = Pattern.compile("(?i)(?:^|[-_\\s])(?:teaser-?text|intro|introtext|intro-text|lead|"
            + "lede|excerpt|standfirst|summary|abstract|article-?body|body-?text)(?:$|[-_\\s])");

    /** Words that mark the article itself; they protect a container from the furniture rule. */
    private static final Pattern ARTICLE = Pattern.compile("(?i)(?:article|entry|post|story|content|body|text|main|"
            + "blog|news|beitrag|artikel|inhalt|single)");

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "blockquote", "pre",
            "ul", "ol", "li", "dl", "dt", "dd", "table", "tbody", "thead", "tr", "td", "th", "h1", "h2", "h3", "h4",
            "h5", "h6", "header", "center", "address", "details", "summary", "br", "hr", "body", "form", "fieldset",
            "noscript", "caption");

    /** What the descent goes into: elements that hold paragraphs, never a paragraph itself. */
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "form", "td", "table",
            "tbody", "tr", "center", "font", "span", "noscript", "header", "details", "fieldset");

    /** Below this many characters the chosen container is likely the wrong one. */
    private static final int SHORT = 200;

    private MainText() {
    }

    /** @return the main text with blank lines between paragraphs; empty when the page has none */
    static String of(Document doc) {
        Element body = doc.body();
        if (body == null) {
            return "";
        }
        Nodes.removeAll(body.select(NEVER_TEXT));
        Nodes.removeAll(asidesWithoutArticle(body));
        Nodes.removeAll(body.select("h1"));
        TextLengths lengths = TextLengths.measure(body);
        Blocks blocks = new Blocks();
        for (Element root : container(body, lengths)) {
            removeFurniture(root, lengths);
            blocks.walk(root);
            blocks.flush();
        }
        String text = String.join("\n\n", keep(blocks.blocks));
        if (text.isEmpty()) {
            // A page of one or two short lines: all of them, rather than nothing.
            text = String.join("\n\n", blocks.blocks.stream().map(Block::text).toList());
        }
        if (text.length() >= SHORT) {
            return text;
        }
        // A page without one dominant container (a landing page, builder markup): all its running text.
        Blocks all = new Blocks();
        all.walk(body);
        all.flush();
        String everything = String.join("\n\n", keep(all.blocks));
        return everything.length() > text.length() * 2 ? everything : text;
    }

    /** Furniture inside the chosen container; a wrapper holding most of it ("article-comments-enabled") stays. */
    private static void removeFurniture(Element root, TextLengths lengths) {
        long total = Math.max(1, lengths.total(root));
        List<Element> furniture = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            Nodes.checkInterrupt();
            if (e != root && isFurniture(e) && lengths.total(e) <= total / 2) {
                furniture.add(e);
            }
        }
        Nodes.removeAll(furniture);
    }

    /** Asides are page furniture unless they hold the article itself (one pass up from each article). */
    private static List<Element> asidesWithoutArticle(Element body) {
        Set<Element> holdArticle = new HashSet<>();
        for (Element article : body.getElementsByTag("article")) {
            // Up to the first ancestor marked already: each element is marked once in all.
            Element e = article;
            while (e != null && holdArticle.add(e)) {
                e = e.parent();
            }
        }
        return body.getElementsByTag("aside").stream().filter(a -> !holdArticle.contains(a)).toList();
    }

    private static boolean isFurniture(Element e) {
        String names = names(e);
        return !names.isBlank() && FURNITURE.matcher(names).find() && !LEAD.matcher(names).find()
;
    }

    /** Class words and id, without the layout classes of page builders ("elementor-widget-text-editor"). */
    private static String names(Element e) {
        StringBuilder names = new StringBuilder(e.id());
        for (String c : e.classNames()) {
            if (!LAYOUT_CLASS.matcher(c).lookingAt()) {
                names.append(' ').append(c);
            }
        }
        return names.toString();
    }

    private static final Pattern LAYOUT_CLASS = Pattern.compile("elementor|wp-block|et_pb|vc_|fl-|col-|span\\d|grid|row|container");

    /** How much a block's name says it is article text (1) or furniture (0.2). */
    private static double nameWeight(Element e) {
        String names = names(e);
        if (names.isBlank()) {
            return 1;
        }
        if (FURNITURE.matcher(names).find()) {
            return ARTICLE.matcher(names).find() ? 0.8 : 0.2;
        }
        return ARTICLE.matcher(names).find() ? 1.25 : 1;
    }

    /**
     * The article: going down from the body into the child that holds at least three quarters of
     * the running text below, as long as there is one. Text counts less under a furniture name and
     * not at all in links, so comments and teaser lists do not pull the choice their way.
     */
    private static List<Element> container(Element body, TextLengths lengths) {
        Map<Element, Double> mass = new HashMap<>();
        // What an element's name and its ancestors' names weigh text below it down to, top-down,
        // so that each name is weighed once however deep or wide the page.
        Map<Element, Double> weightBelow = new HashMap<>();
        for (Element e : body.getAllElements()) {
            Nodes.checkInterrupt();
            double above = e == body ? 1 : weightBelow.getOrDefault(e.parent(), 1.0);
            weightBelow.put(e, above * Math.min(1, nameWeight(e)));
            if (TEXT_HOLDERS.contains(e.normalName())) {
                long own = lengths.own(e);
                if (own >= 25) {
                    mass.put(e, own * above);
                }
            }
        }
        // Bottom-up: each element's mass is its own and its children's.
        Elements all = body.getAllElements();
        for (int i = all.size() - 1; i > 0; i--) {
            Element e = all.get(i);
            Double m = mass.get(e);
            if (m != null && e.parent() != null) {
                mass.merge(e.parent(), m, Double::sum);
            }
        }
        Element at = body;
        while (true) {
            double here = mass.getOrDefault(at, 0.0);
            Element next = null;
            for (Element child : at.children()) {
                if (CONTAINERS.contains(child.normalName()) && mass.getOrDefault(child, 0.0) >= here * SHARE) {
                    next = child;
                }
            }
            if (next == null) {
                return withLead(at);
            }
            at = next;
        }
    }
    private static final double SHARE = 0.75;

    /** Where running text is counted for the choice of container. */
    private static final Set<String> TEXT_HOLDERS = Set.of("p", "pre", "td", "blockquote", "div", "li", "section", "dd",
            "span", "font");

    /**
     * The chosen element with the running text that comes before it, at its own level and up to
     * three levels above (a lead paragraph in the article's header, a story's first part), in page
     * order. What comes after the story is comments, teasers and more stories far more often than text.
     */
    private static List<Element> withLead(Element chosen) {
        Set<Element> included = new HashSet<>();
        included.add(chosen);
        Element at = chosen;
        for (int level = 0; level < LEVELS && at.parent() != null && !at.normalName().equals("body"); level++) {
            for (Element sibling : at.parent().children()) {
                if (sibling == at) {
                    break;
                }
                if (!isFurniture(sibling) && hasRunningText(sibling)) {
                    included.add(sibling);
                }
            }
            at = at.parent();
        }
        List<Element> inOrder = new ArrayList<>();
        for (Element e : at.getAllElements()) {
            if (included.contains(e)) {
                inOrder.add(e);
            }
        }
        return inOrder;
    }
    private static final int LEVELS = 4;

    private static boolean hasRunningText(Element e) {
        if (linkDensity(e) > 0.3) {
            return false;
        }
        String text = e.text();
        return text.length() >= 80 && SENTENCE_END.matcher(text).find();
    }

    /** A block of text as the page lays it out, with how much of it is link text. */
    record Block(String text, int linkChars, boolean heading) {
        double linkShare() {
            return text.isEmpty() ? 0 : Math.min(1, linkChars / (double) text.length());
        }

        boolean isSentence() {
            return SENTENCE_END.matcher(text).find();
        }
    }

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…\"“”»«)]\\s*$|[.!?]\\s");

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern HEADING = Pattern.compile("h[2-6]");

    /** Cuts an element's text into blocks at block-level elements and line breaks. */
    private static final class Blocks {
        private final List<Block> blocks = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private int linkChars;
        private boolean heading;

        private int openLinks;

        /** Iterative (jsoup's traversor), so a page nested 20,000 elements deep costs no stack. */
        void walk(Element root) {
            NodeTraversor.traverse(new NodeVisitor() {
                @Override
                public void head(Node node, int depth) {
                    Nodes.checkInterrupt();
                    if (node instanceof TextNode text) {
                        String t = text.text();
                        line.append(t);
                        linkChars += openLinks > 0 ? t.strip().length() : 0;
                    } else if (node instanceof Element e && node != root) {
                        openLinks += e.normalName().equals("a") ? 1 : 0;
                        if (BLOCKS.contains(e.normalName())) {
                            flush();
                            heading = HEADING.matcher(e.normalName()).matches();
                        }
                    }
                }

                @Override
                public void tail(Node node, int depth) {
                    if (node instanceof Element e && node != root) {
                        openLinks -= e.normalName().equals("a") ? 1 : 0;
                        if (BLOCKS.contains(e.normalName())) {
                            flush();
                        }
                    }
                }
            }, root);
        }

        void flush() {
            String text = SPACES.matcher(line.toString().replace('\u00a0', ' ')).replaceAll(" ").strip();
            if (!text.isEmpty()) {
                blocks.add(new Block(text, linkChars, heading));
            }
            line.setLength(0);
            linkChars = 0;
            heading = false;
        }
    }

    /**
     * Drops link lists ("Auch interessant", "Mehr zum Thema" with their links) and the short labels
     * next to them or trailing the text; keeps everything that reads as running text.
     */
    private static List<String> keep(List<Block> blocks) {
        boolean[] drop = new boolean[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            drop[i] = b.linkShare() > 0.5 && !(b.text().length() > 120 && b.linkShare() < 0.8 && b.isSentence())
                    || isFurnitureLine(b);
        }
        for (int i = 0; i < blocks.size(); i++) {
            boolean nextDropped = i + 1 < blocks.size() && drop[i + 1];
            if (!drop[i] && nextDropped && isLabel(blocks.get(i))) {
                drop[i] = true;
            }
        }
        int end = blocks.size();
        while (end > 0 && (drop[end - 1] || isLabel(blocks.get(end - 1)))) {
            drop[--end] = true;
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (!drop[i]) {
                kept.add(blocks.get(i).text());
            }
        }
        return kept;
    }

    /**
     * Lines that are page furniture in any article, whatever the markup around them: invitations to
     * read more, comment, share or subscribe, and photo credits. Matched at the start of short lines only.
     */
    private static final Pattern FURNITURE_LINE = Pattern.compile("(?iu)^(?:[-–»›>•|*\\s]*)(?:"
            + "mehr zum thema|mehr zu[m]?\\b|auch interessant|das könnte (?:sie|dich) (?:auch )?interessieren|lesen sie (?:auch|hier|mehr)|"
            + "weitere (?:artikel|beiträge|informationen|nachrichten|meldungen|themen)|schon gelesen|ähnliche (?:beiträge|artikel|nachrichten)|"
            + "zurück\\b|kontakt\\b|kommentar|teilen\\b|diesen artikel|artikel teilen|anzeige\\b|werbung\\b|newsletter|"
            + "foto:|fotos:|bild:|quelle:|titelbild|bildquelle|copyright|©|"
            + "read more|related|see also|more (?:stories|from|on)|you (?:may|might) (?:also )?like|share (?:this|on)|tags?:|"
            + "comments?\\b|leave a (?:comment|reply)|subscribe|sign up|follow us|photo:|image:|credit:|advertisement|"
            + "lire aussi|à lire aussi|voir aussi|partager|le puede interesar|lea también|leer más|te puede interesar|"
            + "publicidad|compartir|leia também|veja também"
            + ")");

    private static boolean isFurnitureLine(Block b) {
        return b.text().length() < 80 && FURNITURE_LINE.matcher(b.text()).find();
    }

    private static boolean isLabel(Block b) {
        return b.text().length() < 50 && !b.isSentence();
    }

    /** Text that runs on inside its block, as {@code <span>} and {@code <b>} do; links count apart. */
    static boolean isInline(Element e) {
        return !BLOCKS.contains(e.normalName()) && !e.normalName().equals("a");
    }

    static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return Math.min(1, links / (double) total);
    }
}
