package org.newspipeline.enrich.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Page furniture: lines of a scraped page that are not part of the story. */
public final class Furniture {

    private static final Set<String> PHRASES = Set.of(
            "all news", "must read", "more articles", "latest article", "latest articles", "read more",
            "other formats", "six official", "share", "print", "related articles", "advertisement",
            "for further details please see source below.");

    /** Asset-page fields, with or without a value after the colon. */
    private static final Pattern FIELD = Pattern.compile(
            "^(Preview Language|Available Languages|Personal Subjects|Parent ID|Asset ID)\\b\\s*:?.*$",
            Pattern.CASE_INSENSITIVE);

    /**
     * A photo credit: "© Alexander Shcherbak/TASS", or a caption ending in one ("... Alexander Shcherbak/TASS").
     * Each word is at most 64 letters: unbounded, a long line of "A.A.A." was read from every capital
     * to the line's end and back, quadratic in the line.
     */
    private static final Pattern PHOTO_CREDIT = Pattern.compile(
            "^(©.*|.*\\b\\p{Lu}[\\p{L}.'-]{1,63} \\p{Lu}[\\p{L}'-]{1,63}/\\p{Lu}[\\p{L}-]{0,63}(/[\\p{L}-]{1,63})?)$");

    /** A line that is only a time stamp, as asset pages print them ("16-Feb-2022 02:42:43"). */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "^(\\d{1,2}-\\p{L}{3}-\\d{4}|\\d{4}-\\d{2}-\\d{2})([ T]\\d{2}:\\d{2}(:\\d{2})?)?$");

    private Furniture() {
    }

    public static boolean isFurniture(String line) {
        String t = line.strip();
        return PHRASES.contains(t.toLowerCase(Locale.ROOT)) || FIELD.matcher(t).matches() || TIMESTAMP.matcher(t).matches()
                || isPhotoCredit(t);
    }

    public static boolean isPhotoCredit(String line) {
        return PHOTO_CREDIT.matcher(line.strip()).matches();
    }
}
