package org.newspipeline.enrich.dateline;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dateline at the start of a paragraph: "UN, September 26. /TASS/.",
 * "VITEBSK DISTRICT, 16 October (BelTA) –", Reuters' "LOS ANGELES, Feb 26 -" and the like.
 */
public final class DatelineParser {

    /** Upper-case place words, optionally followed by a mixed-case country or state ("BAHIA BLANCA, Argentina"). */
    /**
     * One to four capitalized words ("LOS ANGELES", "Toronto"), optionally followed by a state or
     * country ("PORTLAND, Ore.", "Scarborough, Ontario").
     */
    private static final String WORD = "\\p{Lu}[\\p{L}\\p{M}.'’\\-]*";
    private static final String PLACE = "(?<place>" + WORD + "(?:[ /]" + WORD + "){0,3}"
            + "(?:, \\p{Lu}[\\p{L}.]+(?: \\p{Lu}[\\p{L}.]+)?)?)";
    private static final String DAY_FIRST = "(?<day1>\\d{1,2}) (?<month1>" + Months.PATTERN + ")";
    private static final String MONTH_FIRST = "(?<month2>" + Months.PATTERN + ") (?<day2>\\d{1,2})";
    private static final Pattern DATELINE = Pattern.compile(
            "^" + PLACE + ",?\\s+(?:" + MONTH_FIRST + "|" + DAY_FIRST + ")\\.?"
                    + "(?:\\s*(?:/(?<credit1>[\\p{L}\\- ]{2,30})/|\\((?<credit2>[\\p{L}\\- ]{2,30})\\))\\.?)?"
                    + "\\s*(?:[-–—]+\\s*)?");

    private DatelineParser() {
    }

    public static Optional<Dateline> parse(String paragraph) {
        Matcher m = DATELINE.matcher(paragraph);
        if (!m.find() || m.group("place").length() < 2) {
            return Optional.empty();
        }
        boolean monthFirst = m.group("month2") != null;
        String month = monthFirst ? m.group("month2") : m.group("month1");
        int dayOfMonth = Integer.parseInt(monthFirst ? m.group("day2") : m.group("day1"));
        Optional<Integer> monthNumber = Months.number(month);
        if (monthNumber.isEmpty()) {
            return Optional.empty();
        }
        MonthDay day;
        try {
            day = MonthDay.of(monthNumber.get(), dayOfMonth);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        String credit = m.group("credit1") != null ? m.group("credit1") : m.group("credit2");
        String raw = paragraph.substring(0, m.end()).strip();
        return Optional.of(new Dateline(raw, m.group("place"), day, Optional.ofNullable(credit), m.end()));
    }
}
