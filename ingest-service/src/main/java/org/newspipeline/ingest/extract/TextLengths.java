package org.newspipeline.ingest.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

import java.util.HashMap;
import java.util.Map;

/**
 * How much text every element of a page holds, computed once from the leaves up: asking an element
 * for its text costs its whole subtree, so asking every element of a deep page costs the square of
 * its depth. Lengths count white space runs as one character, as an element's text does.
 */
final class TextLengths {

    /** Per element: all of its text, and its own (text nodes and inline children, not blocks or links). */
    private final Map<Element, long[]> lengths = new HashMap<>();

    private TextLengths() {
    }

    static TextLengths measure(Element root) {
        TextLengths t = new TextLengths();
        Elements all = root.getAllElements();
        for (int i = all.size() - 1; i >= 0; i--) {
            Nodes.checkInterrupt();
            Element e = all.get(i);
            long whole = 0;
            long own = 0;
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode text) {
                    long n = collapsedLength(text.getWholeText());
                    whole += n;
                    own += n;
                } else if (child instanceof Element c) {
                    long n = t.total(c);
                    whole += n;
                    own += MainText.isInline(c) ? n : 0;
                }
            }
            t.lengths.put(e, new long[] {whole, own});
        }
        return t;
    }

    /** About {@code e.text().length()}. */
    long total(Element e) {
        long[] l = lengths.get(e);
        return l == null ? 0 : l[0];
    }

    /** The length of the text an element holds itself, not in blocks or links below it. */
    long own(Element e) {
        long[] l = lengths.get(e);
        return l == null ? 0 : l[1];
    }

    private static long collapsedLength(String text) {
        long n = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            boolean white = Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\u00a0';
            n += white && space ? 0 : 1;
            space = white;
        }
        return n;
    }
}
