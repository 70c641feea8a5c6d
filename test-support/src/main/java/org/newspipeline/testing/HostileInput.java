package org.newspipeline.testing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import net.jqwik.api.Tuple;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * What a hostile client sends, from jqwik's generators: any code point (NUL, unpaired surrogates,
 * controls), search syntax gone wrong, absurd dates and numbers, SQL and HTML, huge values, and
 * percent-encodings that decode to nothing valid. Samples are reproducible from a seed.
 */
public final class HostileInput {

    private static final List<String> NASTY = List.of("", " ", "\u0000", "\uD800", "\uDFFF", "a\u0000b", "\u202E",
            "'; DROP TABLE article; --", "<script>alert(1)</script>", "\"unclosed", "\"\"", "-", "OR", "a OR", "-a -b",
            "!!", "&&", "||", ":*", "\\", "%", "+294277-01-01T00:00:00Z", "-5000-01-01", "9999-12-31", "0000-01-01",
            "2020-02-30", "2020-01-01T25:00:00Z", "1e309", "NaN", "-1", "0", "101", "2147483648", "relevance", "date",
            "PERSON", "CSTO", "Lavrov", "peacekeeping", "x".repeat(3000));

    private HostileInput() {
    }

    /** One text a client might put anywhere. */
    public static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(NASTY)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(5)),
                Tuple.of(2, Arbitraries.strings().alpha().numeric().withChars(' ', '"', '-').ofMaxLength(40)));
    }

    /**
     * A value as it appears in a query string: usually percent-encoded, sometimes raw bytes that no
     * decoder accepts (an encoded surrogate, an overlong NUL, bytes past U+10FFFF). Malformed escapes
     * ({@code %ZZ}) are no URI at all for an HTTP client; tests send those over a raw socket.
     */
    public static Arbitrary<String> queryValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, text().map(t -> URLEncoder.encode(t, StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.of("%ED%A0%80", "%C0%80", "%FF%FE", "%00", "%F4%90%80%80")));
    }

    /** A JSON string literal of any text: controls, quotes and every surrogate (paired or not) escaped as {@code \\uXXXX}. */
    public static String jsonString(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            sb.append(c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)
                    ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append('"').toString();
    }

    /** {@code count} samples, the same for the same seed (drawn outside a jqwik property, in a session of its own). */
    public static <T> List<T> sample(Arbitrary<T> arbitrary, int count, long seed) {
        JqwikSession.start();
        try {
            Random random = new Random(seed);
            var generator = arbitrary.generator(1000);
            return IntStream.range(0, count).mapToObj(i -> generator.next(random).value()).toList();
        } finally {
            JqwikSession.finish();
        }
    }
}
