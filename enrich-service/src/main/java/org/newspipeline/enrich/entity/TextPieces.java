package org.newspipeline.enrich.entity;

import org.newspipeline.enrich.text.Cuts;

import java.util.ArrayList;
import java.util.List;

/**
 * A text in the pieces a recognizer is given: its non-blank lines, and a line longer than the limit
 * cut after a sentence end, else at a space, else at the limit itself.
 */
final class TextPieces {

    record Piece(int start, String text) {
    }

    private TextPieces() {
    }

    static List<Piece> of(String text, int maxChars) {
        List<Piece> pieces = new ArrayList<>();
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            for (int start = lineStart; start < lineEnd; ) {
                int end = start + maxChars >= lineEnd ? lineEnd : cut(text, start, start + maxChars);
                if (!text.substring(start, end).isBlank()) {
                    pieces.add(new Piece(start, text.substring(start, end)));
                }
                start = end;
            }
            lineStart = lineEnd + 1;
        }
        return pieces;
    }

    /**
     * Where to end a piece that starts at {@code start} and may not reach {@code limit}: after a
     * sentence end in its second half, else after its last space, else at the limit (before it when
     * that would split a surrogate pair).
     */
    private static int cut(String text, int start, int limit) {
        for (int i = limit - 1; i > (start + limit) / 2; i--) {
            if (text.charAt(i) == ' ' && ".!?".indexOf(text.charAt(i - 1)) >= 0) {
                return i + 1;
            }
        }
        for (int i = limit - 1; i > start; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return Cuts.atOrBefore(text, limit);
    }
}
