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
 * its depth. Lengths are close to those of {@code Element.text()} (white space runs count as one
 * character, each child's text trimmed), with a space for every block, line break and link.
 */
final class TextLengths {

    /** Per element: all of its text, and its own (text nodes and inline children, not blocks or links). */
    private final Map<Element, long[]> lengths = new HashMap<>();

    private TextLengths() {
    }

    static TextLengths measure(Element root) {
        TextLengths t = new TextLengths();
        Map<Element, Run> runs = new HashMap<>();
        Elements all = root.getAllElements();
        for (int i = all.size() - 1; i >= 0; i--) {
            Nodes.checkInterrupt();
            Element e = all.get(i);
            Run whole = Run.EMPTY;
            Run own = Run.EMPTY;
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode text) {
                    Run r = Run.of(text.getWholeText());
                    whole = whole.then(r);
                    own = own.then(r);
                } else if (child instanceof Element c) {
                    // As an element's text: a block or line break stands for a space, a child's text is trimmed.
                    Run r = runs.get(c).trimmed();
                    Run spaced = MainText.isInline(c) ? r : Run.SPACE.then(r);
                    whole = whole.then(spaced);
                    own = MainText.isInline(c) ? own.then(r) : own;
                }
            }
            runs.put(e, whole);
            t.lengths.put(e, new long[] {whole.trimmed().length, own.trimmed().length});
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

    /** Text with white space runs as one space: its length, and whether it starts or ends with a space. */
    private record Run(long length, boolean leadingSpace, boolean trailingSpace) {
        static final Run EMPTY = new Run(0, false, false);
        static final Run SPACE = new Run(1, true, true);

        static Run of(String text) {
            long n = 0;
            boolean space = false;
            for (int i = 0; i < text.length(); i++) {
                boolean white = Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\u00a0';
                n += white && space ? 0 : 1;
                space = white;
            }
            return n == 0 ? EMPTY : new Run(n, isWhite(text.charAt(0)), space);
        }

        private static boolean isWhite(char c) {
            return Character.isWhitespace(c) || c == '\u00a0';
        }

        /** This run, then that: a space where this ends and that starts counts once. */
        Run then(Run next) {
            if (length == 0) {
                return next;
            }
            if (next.length == 0) {
                return this;
            }
            boolean joined = trailingSpace && next.leadingSpace;
            return new Run(length + next.length - (joined ? 1 : 0), leadingSpace, next.trailingSpace);
        }

        Run trimmed() {
            long n = length - (leadingSpace ? 1 : 0) - (trailingSpace && length > 1 ? 1 : 0);
            return n <= 0 ? EMPTY : new Run(n, false, false);
        }
    }
}
