package org.newspipeline.query.search;

/** Snippet text as safe HTML: everything escaped; the highlighter adds the {@code <mark>} tags. */
final class Snippets {

    private Snippets() {
    }

    static String escape(String text) {
        return text == null ? null : escape(text, 0, text.length(), new StringBuilder(text.length() + 16)).toString();
    }

    static StringBuilder escape(String text, int from, int to, StringBuilder html) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html;
    }
}
