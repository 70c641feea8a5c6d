package org.newspipeline.contract;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a body's text looks like to the story matcher, in two sketches small enough to travel with
 * every enriched article and to compare without the texts:
 * <ul>
 * <li>{@code copy}: a MinHash of the body's word 4-grams ({@value #COPY_HASHES} values). The share
 * of equal positions in two signatures estimates how much of their 4-grams two texts share
 * (Jaccard): high for copies of one text however edited, near nothing for two texts on one topic.</li>
 * <li>{@code words}: the {@value #WORD_HASHES} smallest hashes of its distinct content words (a
 * bottom-k sketch), which estimates how much vocabulary two texts share: two reports of one event.</li>
 * </ul>
 * Both are base64 of big-endian ints. Computing one reads the body once (at most
 * {@value #MAX_TOKENS} words) and costs a few multiplications per word and hash.
 */
public record TextSignature(String copy, String words) {

    public static final int COPY_HASHES = 128;
    public static final int WORD_HASHES = 256;
    /** Copies of one text share at least this much of their 4-grams (estimated): see {@link #sameText}. */
    public static final double COPY_THRESHOLD = 0.3;
    /**
     * Candidate copies are those with one of these many bands of {@value #BAND_ROWS} hashes in
     * common ({@link #bandKeys}): two texts sharing half their 4-grams are candidates with
     * probability 1 - (1 - 0.5^3)^42 = 0.996, texts sharing a hundredth with 0.00004.
     */
    public static final int COPY_BANDS = 42;
    static final int BAND_ROWS = 3;
    static final int SHINGLE = 4;
    /** The signature of a very long body is that of its first this many words. */
    static final int MAX_TOKENS = 50_000;
    private static final int MIN_WORD_CHARS = 4;
    /** Frequent words of four letters and more, which every text shares and which say nothing of its event. */
    private static final Set<String> COMMON = Set.of(
            "that", "this", "with", "from", "have", "been", "were", "will", "would", "their", "there", "which",
            "about", "after", "also", "into", "they", "than", "other", "more", "said", "says", "what", "when",
            "where", "while", "these", "those", "could", "should", "over", "some", "only", "such", "being",
            "between", "under", "them", "then", "very", "does", "just", "most", "much", "many",
            "eine", "einer", "eines", "nicht", "sich", "sind", "wird", "werden", "auch", "nach", "oder", "dass",
            "dans", "pour", "avec", "sont", "leur", "elle", "mais", "cette", "comme", "plus",
            "para", "como", "pero", "esta", "este", "sobre", "entre", "tiene");
    private static final long[] MULTIPLIERS = new long[COPY_HASHES];
    private static final long[] OFFSETS = new long[COPY_HASHES];

    static {
        long state = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < COPY_HASHES; i++) {
            state = mix(state + i);
            MULTIPLIERS[i] = state | 1; // odd: multiplication by it is a bijection of 64-bit values
            state = mix(state);
            OFFSETS[i] = state;
        }
    }

    /** The signature of a body (a clean body: the enriched article's). */
    public static TextSignature of(String body) {
        long[] tokens = tokens(body);
        if (tokens.length == 0) {
            // No word at all: only the same characters make the same text.
            tokens = new long[] {mix(body.hashCode() ^ 0x5bd1e995L)};
        }
        int[] minima = new int[COPY_HASHES];
        Arrays.fill(minima, Integer.MAX_VALUE);
        int shingles = Math.max(1, tokens.length - SHINGLE + 1);
        for (int s = 0; s < shingles; s++) {
            long h = 0;
            for (int t = s; t < Math.min(tokens.length, s + SHINGLE); t++) {
                h = mix(h * 31 + tokens[t]);
            }
            for (int i = 0; i < COPY_HASHES; i++) {
                // unsigned 32 high bits compared as signed ints after the flip: order is kept
                int v = (int) ((MULTIPLIERS[i] * h + OFFSETS[i]) >>> 32) ^ Integer.MIN_VALUE;
                if (v < minima[i]) {
                    minima[i] = v;
                }
            }
        }
        return new TextSignature(encode(minima), encode(wordSketch(body)));
    }

    /** A signature that came over the wire, when both sketches have the right form; empty otherwise. */
    public static Optional<TextSignature> valid(TextSignature s) {
        if (s == null) {
            return Optional.empty();
        }
        int[] copy = decode(s.copy());
        int[] words = decode(s.words());
        boolean sorted = words != null && words.length <= WORD_HASHES;
        for (int i = 1; sorted && i < words.length; i++) {
            sorted = words[i - 1] < words[i];
        }
        return copy != null && copy.length == COPY_HASHES && sorted ? Optional.of(s) : Optional.empty();
    }

    public int[] copyHashes() {
        return decode(copy);
    }

    public int[] wordHashes() {
        return decode(words);
    }

    /** Estimated share of word 4-grams two texts have in common (0 to 1). */
    public static double copySimilarity(int[] a, int[] b) {
        int equal = 0;
        for (int i = 0; i < COPY_HASHES; i++) {
            equal += a[i] == b[i] ? 1 : 0;
        }
        return equal / (double) COPY_HASHES;
    }

    /** Whether two texts are copies of one: edited, trimmed, extended or reordered, but one text. */
    public static boolean sameText(int[] a, int[] b) {
        return copySimilarity(a, b) >= COPY_THRESHOLD;
    }

    /** Estimated share of content words two texts have in common (0 to 1), from their bottom-k sketches. */
    public static double wordSimilarity(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int seen = 0;
        int both = 0;
        // The k smallest of the union: those of them in both sketches are in both texts.
        while (seen < WORD_HASHES && (i < a.length || j < b.length)) {
            if (j == b.length || (i < a.length && a[i] < b[j])) {
                i++;
            } else if (i == a.length || b[j] < a[i]) {
                j++;
            } else {
                i++;
                j++;
                both++;
            }
            seen++;
        }
        return seen == 0 ? 0 : both / (double) seen;
    }

    /**
     * The keys under which candidate copies are looked up: the signature cut in {@value #COPY_BANDS} bands;
     * two texts share a key when one whole band is equal, which texts sharing most of their 4-grams do
     * almost always and texts sharing few almost never.
     */
    public static long[] bandKeys(int[] copy) {
        int rows = BAND_ROWS;
        long[] keys = new long[COPY_BANDS];
        for (int b = 0; b < COPY_BANDS; b++) {
            long h = b;
            for (int r = 0; r < rows; r++) {
                h = mix(h * 31 + copy[b * rows + r]);
            }
            keys[b] = h;
        }
        return keys;
    }

    /** Words: runs of letters and digits, lower-cased; hashed, at most {@value #MAX_TOKENS}. */
    private static long[] tokens(String body) {
        long[] tokens = new long[Math.min(MAX_TOKENS, body.length() / 2 + 1)];
        int n = 0;
        long h = 0;
        boolean inWord = false;
        for (int i = 0; i < body.length() && n < tokens.length; ) {
            int cp = body.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                h = mix(h * 1_000_003 + Character.toLowerCase(cp));
                inWord = true;
            } else if (inWord) {
                tokens[n++] = h;
                h = 0;
                inWord = false;
            }
        }
        if (inWord && n < tokens.length) {
            tokens[n++] = h;
        }
        return Arrays.copyOf(tokens, n);
    }

    private static int[] wordSketch(String body) {
        int[] hashes = new int[Math.min(MAX_TOKENS, body.length() / MIN_WORD_CHARS + 1)];
        int n = 0;
        int start = -1;
        for (int i = 0; i <= body.length() && n < hashes.length; ) {
            int cp = i < body.length() ? body.codePointAt(i) : ' ';
            boolean letter = i < body.length() && Character.isLetter(cp);
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                String word = body.substring(start, i).toLowerCase(Locale.ROOT);
                if (word.codePointCount(0, word.length()) >= MIN_WORD_CHARS && !COMMON.contains(word)) {
                    hashes[n++] = (int) mix(word.hashCode() * 0x9E3779B97F4A7C15L);
                }
                start = -1;
            }
            i += i < body.length() ? Character.charCount(cp) : 1;
        }
        return Arrays.stream(hashes, 0, n).sorted().distinct().limit(WORD_HASHES).toArray();
    }

    /** A 64-bit finalizer (MurmurHash3's): every input bit changes every output bit with even odds. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private static String encode(int[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Integer.BYTES);
        bytes.asIntBuffer().put(values);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static int[] decode(String value) {
        if (value == null) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(value);
            if (bytes.length % Integer.BYTES != 0) {
                return null;
            }
            int[] values = new int[bytes.length / Integer.BYTES];
            ByteBuffer.wrap(bytes).asIntBuffer().get(values);
            return values;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
