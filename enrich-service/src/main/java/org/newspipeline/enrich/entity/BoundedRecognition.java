package org.newspipeline.enrich.entity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a recognizer over a body of any size in bounded time and memory. A CRF's cost grows with
 * the sentence it is given: one endless "sentence" (no full stops, one huge word) exhausted the
 * heap, and long runs of "abc-abc-…" were quadratic in the tokenizer. So the recognizer sees only the
 * first {@value #TEXT_CHARS} characters, in pieces of at most {@value #PIECE_CHARS} characters,
 * with every run of more than {@value #LONGEST_WORD} non-space characters blanked out (no name is
 * that long; offsets stay the same), and stops at the next piece once {@link #TIME} has passed.
 * At most {@value #MAX_MENTIONS} mentions are kept. Every cut is reported.
 */
public final class BoundedRecognition {

    /** About 8,000 words: far more than a news story. */
    public static final int TEXT_CHARS = 50_000;
    public static final int PIECE_CHARS = 2_000;
    public static final int LONGEST_WORD = 64;
    public static final int MAX_MENTIONS = 2_000;
    public static final Duration TIME = Duration.ofSeconds(5);

    /**
     * @param searched the part of the body the mentions were searched in (a prefix of it)
     * @param skipped  what was cut, and why
     */
    public record Result(String searched, List<RecognizedMention> mentions, List<String> skipped) {
    }

    private BoundedRecognition() {
    }

    public static Result run(EntityRecognizer recognizer, String body) {
        List<String> skipped = new ArrayList<>();
        String searched = body;
        if (body.length() > TEXT_CHARS) {
            int cut = body.lastIndexOf(' ', TEXT_CHARS);
            searched = body.substring(0, cut > TEXT_CHARS / 2 ? cut : TEXT_CHARS);
            skipped.add("entities: searched in the first " + searched.length() + " of " + body.length() + " characters");
        }
        long deadline = System.nanoTime() + TIME.toNanos();
        List<RecognizedMention> mentions = new ArrayList<>();
        for (TextPieces.Piece piece : TextPieces.of(blankLongWords(searched), PIECE_CHARS)) {
            if (System.nanoTime() > deadline) {
                skipped.add("entities: stopped after " + TIME.toSeconds() + " s at character " + piece.start());
                break;
            }
            for (RecognizedMention m : recognizer.recognize(piece.text())) {
                mentions.add(new RecognizedMention(piece.start() + m.start(), piece.start() + m.end(), m.text(), m.type()));
            }
        }
        if (mentions.size() > MAX_MENTIONS) {
            skipped.add("entities: the first " + MAX_MENTIONS + " of " + mentions.size() + " mentions kept");
            mentions = mentions.subList(0, MAX_MENTIONS);
        }
        return new Result(searched, mentions, skipped);
    }

    static String blankLongWords(String text) {
        StringBuilder out = null;
        int runStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || Character.isWhitespace(text.charAt(i))) {
                if (i - runStart > LONGEST_WORD) {
                    out = out == null ? new StringBuilder(text) : out;
                    for (int j = runStart; j < i; j++) {
                        out.setCharAt(j, ' ');
                    }
                }
                runStart = i + 1;
            }
        }
        return out == null ? text : out.toString();
    }
}
