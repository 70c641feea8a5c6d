package org.newspipeline.query.search;

/** Turns a marked-up snippet into safe HTML: everything escaped, matches wrapped in {@code <mark>}. */
final class Snippets {

    private Snippets() {
    }

    static String toHtml(String marked, char start, char end) {
        if (marked == null) {
            return null;
        }
        StringBuilder html = new StringBuilder(marked.length() + 32);
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == start) {
                html.append("<mark>");
            } else if (c == end) {
                html.append("</mark>");
            } else {
                switch (c) {
                    case '<' -> html.append("&lt;");
                    case '>' -> html.append("&gt;");
                    case '&' -> html.append("&amp;");
                    case '"' -> html.append("&quot;");
                    case '\'' -> html.append("&#39;");
                    default -> html.append(c);
                }
            }
        }
        return html.toString();
    }
}
