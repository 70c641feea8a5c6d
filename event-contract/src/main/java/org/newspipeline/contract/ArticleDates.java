package org.newspipeline.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The date forms of the contract and the dates an article may carry. Days ({@code 2020-05-26},
 * midnight UTC) and date-times with offset are read. Instants in a payload must lie in years
 * 1..9999 (what every consumer can store); a publication or reference date must also be
 * plausible: from 1800-01-01 to two days from now.
 */
public final class ArticleDates {

    public static final Instant EARLIEST_STORABLE = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST_STORABLE = Instant.parse("9999-12-31T23:59:59Z");
    public static final Instant EARLIEST_PLAUSIBLE = Instant.parse("1800-01-01T00:00:00Z");
    /** Time zones and clocks that run ahead: a story may be dated up to this much in the future. */
    public static final Duration FUTURE_MARGIN = Duration.ofDays(2);

    private ArticleDates() {
    }

    /** @return the instant, or empty when the value is absent or not of a contract date form */
    public static Optional<Instant> tryParse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            return Optional.of(v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * @return the plausible instant, or null for an absent value
     * @throws IllegalArgumentException naming the field when the value is not a date or not plausible
     */
    public static Instant parsePlausible(String field, String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant = tryParse(value).orElseThrow(() -> new IllegalArgumentException(
                "'" + field + "' is not an ISO-8601 day or date-time with offset: " + abbreviate(value)));
        if (!isPlausible(instant, clock)) {
            throw new IllegalArgumentException("'" + field + "' must lie between " + EARLIEST_PLAUSIBLE
                    + " and two days from now: " + abbreviate(value));
        }
        return instant;
    }

    public static boolean isPlausible(Instant instant, Clock clock) {
        return !instant.isBefore(EARLIEST_PLAUSIBLE) && !instant.isAfter(clock.instant().plus(FUTURE_MARGIN));
    }

    public static boolean isStorable(Instant instant) {
        return !instant.isBefore(EARLIEST_STORABLE) && !instant.isAfter(LATEST_STORABLE);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
