package org.newspipeline.ingest.extract;

import org.newspipeline.contract.ArticleDates;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as feeds and pages write them: ISO-8601 and its near misses ({@code +0200},
 * a space for the T, no seconds), RFC 822 with day and month names in English, Portuguese, Spanish,
 * French or German and zone names ({@code EDT}, {@code CET}), day-first numeric dates
 * ({@code 24.09.2018}) and spelled-out ones ({@code 24 September 2018}, {@code September 24, 2018}).
 * Only plausible dates come out: nothing before 1800 or in the future.
 */
public final class LooseDates {

    private static final Map<String, Integer> MONTHS = months();

    /** North American and European zone names; other names are too ambiguous to trust. */
    private static final Map<String, ZoneId> ZONES = Map.ofEntries(
            Map.entry("UT", ZoneOffset.UTC), Map.entry("UTC", ZoneOffset.UTC), Map.entry("GMT", ZoneOffset.UTC),
            Map.entry("Z", ZoneOffset.UTC), Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("CST", ZoneOffset.ofHours(-6)), Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("BST", ZoneOffset.ofHours(1)), Map.entry("CET", ZoneOffset.ofHours(1)),
            Map.entry("CEST", ZoneOffset.ofHours(2)), Map.entry("MEZ", ZoneOffset.ofHours(1)),
            Map.entry("MESZ", ZoneOffset.ofHours(2)), Map.entry("EET", ZoneOffset.ofHours(2)),
            Map.entry("EEST", ZoneOffset.ofHours(3)), Map.entry("MSK", ZoneOffset.ofHours(3)),
            Map.entry("BRT", ZoneOffset.ofHours(-3)));

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2}|[A-Z]{2,4})?)?");
    /** "Seg, 24 Set 2018 19:42:40 -0300", "24 September 2018", "Tue, 20 Jul 2021 19:00:03 EDT". */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(\\d{1,2})\\.?\\s+(?:de\\s+)?(\\p{L}{3,10})\\.?\\s+(?:de\\s+)?(\\d{4})(?:,?\\s+(?:um\\s+|às?\\s+|at\\s+)?(\\d{1,2})[:h](\\d{2})(?::(\\d{2}))?\\s*(?:Uhr\\s*)?([+-]\\d{4}|[A-Z]{1,4})?)?");
    /** "September 24, 2018". */
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(\\p{L}{3,10})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
    /** "24.09.2018", "24/09/2018" (day first, as everywhere but the US). */
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d.])(\\d{1,2})[./](\\d{1,2})[./](\\d{4})(?![\\d.])");

    private LooseDates() {
    }

    public static Optional<Instant> parse(String text) {
        return parse(text, Clock.systemUTC());
    }

    static Optional<Instant> parse(String text, Clock clock) {
        if (text == null || text.isBlank() || text.length() > 200) {
            return Optional.empty();
        }
        String t = text.strip();
        Instant found = null;
        try {
            Matcher m;
            if ((m = ISO.matcher(t)).find()) {
                found = at(LocalDate.of(num(m, 1), num(m, 2), num(m, 3)), m.group(4), m.group(5), m.group(6), m.group(7));
            } else if ((m = DAY_MONTH_YEAR.matcher(t)).find() && month(m.group(2)) != null) {
                found = at(LocalDate.of(num(m, 3), month(m.group(2)), num(m, 1)), m.group(4), m.group(5), m.group(6), m.group(7));
            } else if ((m = MONTH_DAY_YEAR.matcher(t)).find() && month(m.group(1)) != null) {
                found = at(LocalDate.of(num(m, 3), month(m.group(1)), num(m, 2)), null, null, null, null);
            } else if ((m = NUMERIC.matcher(t)).find()) {
                found = at(LocalDate.of(num(m, 3), num(m, 2), num(m, 1)), null, null, null, null);
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(found).filter(d -> ArticleDates.isPlausible(d, clock));
    }

    private static Instant at(LocalDate day, String hour, String minute, String second, String zone) {
        LocalTime time = hour == null ? LocalTime.MIDNIGHT
                : LocalTime.of(Integer.parseInt(hour), Integer.parseInt(minute), second == null ? 0 : Integer.parseInt(second));
        ZoneId zoneId = zone(zone);
        return LocalDateTime.of(day, time).atZone(zoneId == null ? ZoneOffset.UTC : zoneId).toInstant();
    }

    private static ZoneId zone(String zone) {
        if (zone == null) {
            return null;
        }
        if (zone.startsWith("+") || zone.startsWith("-")) {
            String digits = zone.replace(":", "");
            return ZoneOffset.ofHoursMinutes(Integer.parseInt(digits.substring(0, 3)),
                    Integer.parseInt(digits.charAt(0) + digits.substring(3)));
        }
        return ZONES.get(zone.toUpperCase(Locale.ROOT));
    }

    private static Integer month(String name) {
        return MONTHS.get(name.toLowerCase(Locale.ROOT));
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static Map<String, Integer> months() {
        String[][] names = {
            {"jan", "january", "janeiro", "enero", "janvier", "januar", "jänner", "ene", "janv"},
            {"feb", "february", "fevereiro", "febrero", "février", "februar", "fev", "fév", "févr"},
            {"mar", "march", "março", "marzo", "mars", "märz", "mär", "marco"},
            {"apr", "april", "abril", "avril", "abr", "avr"},
            {"may", "maio", "mayo", "mai"},
            {"jun", "june", "junho", "junio", "juin", "juni"},
            {"jul", "july", "julho", "julio", "juillet", "juli", "juil"},
            {"aug", "august", "agosto", "août", "ago", "aoû"},
            {"sep", "sept", "september", "setembro", "septiembre", "septembre", "set"},
            {"oct", "october", "outubro", "octubre", "octobre", "oktober", "out", "okt"},
            {"nov", "november", "novembro", "noviembre", "novembre"},
            {"dec", "december", "dezembro", "diciembre", "décembre", "dezember", "dez", "dic", "déc"}};
        java.util.HashMap<String, Integer> months = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                months.put(name, i + 1);
            }
        }
        return Map.copyOf(months);
    }
}
