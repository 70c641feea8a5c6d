package org.newspipeline.query.search;

/**
 * Web-search syntax (words, "quoted phrases", OR, -exclusion; as PostgreSQL's websearch_to_tsquery
 * reads it) in the syntax of OpenSearch's {@code simple_query_string} with only its phrase, OR and
 * NOT operators on: {@code or} between words becomes {@code |}; every other operator character is
 * taken as text and dropped by the analyzer, so no input makes a query of another kind (wildcards,
 * fuzziness, precedence). One pass over the text.
 */
final class WebSearchText {

    private WebSearchText() {
    }

    static String toSimpleQueryString(String q) {
        StringBuilder out = new StringBuilder(q.length() + 8);
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '"') {
                int close = q.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                append(out, "\"" + plain(q.substring(i + 1, end)) + "\"");
                i = close < 0 ? n : close + 1;
                continue;
            }
            while (i < n && !Character.isWhitespace(q.charAt(i)) && q.charAt(i) != '"') {
                i++;
            }
            String word = q.substring(start, i);
            if (word.equalsIgnoreCase("or")) {
                append(out, "|");
            } else if (word.startsWith("-") && word.length() > 1) {
                append(out, "-" + plain(word.substring(1)));
            } else {
                append(out, plain(word));
            }
        }
        return out.toString().strip();
    }

    private static void append(StringBuilder out, String token) {
        if (!token.isBlank()) {
            out.append(token).append(' ');
        }
    }

    /** Operator characters as plain separators: the analyzer splits words on them anyway. */
    private static String plain(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            s.append("+|-\"*()~\\".indexOf(c) >= 0 ? ' ' : c);
        }
        return s.toString();
    }
}
