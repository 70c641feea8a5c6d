package org.newspipeline.enrich.date;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full dates (with a year) stated near the top of the text: ISO dates ("date 2020-05-26") and
 * asset-page stamps ("16-Feb-2022 02:42:43").
 */
final class StatedDates {

    /** Only the head of the text: dates further down are usually about other events. */
    private static final int HEAD = 600;
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2})?))?\\b");
    private static final Pattern STAMP = Pattern.compile("\\b(\\d{1,2}-\\p{L}{3}-\\d{4})(?: (\\d{2}:\\d{2}:\\d{2}))?\\b");
    private static final DateTimeFormatter STAMP_DAY = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().appendPattern("d-MMM-yyyy").toFormatter(Locale.ENGLISH);

    /** @param hasTime whether the text gave a time of day too */
    record StatedDate(Instant instant, boolean hasTime, String text) {
    }

    private StatedDates() {
    }

    static Optional<StatedDate> find(String text) {
        String head = text.length() > HEAD ? text.substring(0, HEAD) : text;
        return first(STAMP.matcher(head), STAMP_DAY).or(() -> first(ISO.matcher(head), DateTimeFormatter.ISO_LOCAL_DATE));
    }

    private static Optional<StatedDate> first(Matcher m, DateTimeFormatter dayFormat) {
        while (m.find()) {
            try {
                LocalDate day = LocalDate.parse(m.group(1), dayFormat);
                String time = m.group(2);
                LocalDateTime at = time == null ? day.atStartOfDay()
                        : day.atTime(LocalTime.parse(time.length() == 5 ? time + ":00" : time));
                return Optional.of(new StatedDate(at.toInstant(ZoneOffset.UTC), time != null, m.group()));
            } catch (DateTimeParseException notADate) {
                // e.g. 2020-13-45: look further
            }
        }
        return Optional.empty();
    }
}
