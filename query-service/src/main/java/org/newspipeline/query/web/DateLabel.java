package org.newspipeline.query.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A publication date written with no more certainty than it has: "26 Sep 2018 10:00 UTC" for a
 * stated time, "26 Sep 2018" for a day, "Sep 2018", "2018"; an article that states no date shows
 * when it arrived and says so, and a guessed year (a year-less dateline) is marked "about".
 */
public final class DateLabel {

    private static final double SURE = 0.8;

    private DateLabel() {
    }

    public static String of(Instant date, String precision, String source, Double confidence) {
        if (date == null) {
            return "no date";
        }
        String shown = format(date, precision == null ? "DAY" : precision);
        if ("RECEIVED".equals(source)) {
            return "no date stated; received " + format(date, "DAY");
        }
        return confidence != null && confidence < SURE ? "about " + shown : shown;
    }

    /** For the tooltip: what dated it and how sure that is. */
    public static String evidence(String precision, String source, Double confidence) {
        if (source == null) {
            return "";
        }
        String sure = confidence == null ? "" : String.format(Locale.ROOT, ", confidence %.2f", confidence);
        return "dated from " + source.toLowerCase(Locale.ROOT) + " (" + (precision == null ? "?" : precision.toLowerCase(Locale.ROOT))
                + " precision" + sure + ")";
    }

    private static String format(Instant date, String precision) {
        String pattern = switch (precision) {
            case "DATETIME" -> "d MMM yyyy HH:mm 'UTC'";
            case "MONTH" -> "MMM yyyy";
            case "YEAR" -> "yyyy";
            default -> "d MMM yyyy";
        };
        return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withZone(ZoneOffset.UTC).format(date);
    }
}
