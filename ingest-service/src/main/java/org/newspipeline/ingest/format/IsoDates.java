package org.newspipeline.ingest.format;

import org.newspipeline.ingest.article.InvalidArticleException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** ISO-8601 days ({@code 2020-05-26}, midnight UTC) and date-times with offset. */
public final class IsoDates {

    private IsoDates() {
    }

    /** @throws InvalidArticleException naming the field when the value is not such a date */
    public static Instant parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return tryParse(value).orElseThrow(() -> InvalidArticleException.badRequest(
                "'" + field + "' is not an ISO-8601 date or date-time with offset: " + value));
    }

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
}
