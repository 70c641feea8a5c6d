package org.newspipeline.testing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Made-up words that, in all likelihood (26^6 is 300 million), no other test and no earlier run on
 * the same broker has used. Letters only:
 * names built from them must read as names to the recognizer, and a UUID's hex holds too few
 * letters to cut a fixed length from.
 */
public final class UniqueWords {

    private UniqueWords() {
    }

    /** {@code length} random lower-case letters. */
    public static String letters(int length) {
        StringBuilder word = new StringBuilder(length);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
