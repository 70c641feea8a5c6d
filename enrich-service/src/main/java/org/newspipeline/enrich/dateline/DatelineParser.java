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

    /**
     * One to four words, the first capitalized ("LOS ANGELES", "Toronto", "La paz"), optionally followed
     * by a state or country ("PORTLAND, Ore.", "Scarborough, Ontario").
     */
    private static final String FIRST_WORD = "\\p{Lu}[\\p{L}\\p{M}.'’\\-]*";
    private static final String WORD = "\\p{L}[\\p{L}\\p{M}.'’\\-]*";
    private static final String PLACE = "(?<place>" + FIRST_WORD + "(?:[ /]" + WORD + "){0,3}"
            + "(?: ?, ?\\p{Lu}[\\p{L}.]+(?: \\p{Lu}[\\p{L}.]+)?)?)";
    /** The month is any word here and checked by {@link Months#number}, which forgives one typo ("Marhc 3"). */
    private static final String DAY_FIRST = "(?<day1>\\d{1,2}) (?<month1>\\p{L}{3,9}\\.?)";
    private static final String MONTH_FIRST = "(?<month2>\\p{L}{3,9}\\.?) +(?<day2>\\d{1,2})";
    /** Hand-keyed copy: "OAKLAND , N.J., March 2", "MINN.,March 13", "Md., - March 4", "N.J. - March 5". */
    private static final String SEPARATOR = "(?:\\s*(?<comma>,)\\s*|\\s+)(?<dash1>-\\s+)?";
    private static final Pattern DATELINE = Pattern.compile(
            "^[*\\s]*" + PLACE + SEPARATOR + "(?:" + MONTH_FIRST + "|" + DAY_FIRST + ")\\b\\.?"
                    + "(?:\\s*(?:/(?<credit1>[\\p{L}\\- ]{2,30})/|\\((?<credit2>[\\p{L}\\- ]{2,30})\\))\\.?)?"
                    + "\\s*(?<dash2>[-–—]+\\s*)?");

    private DatelineParser() {
    }

    public static Optional<Dateline> parse(String paragraph) {
        Matcher m = DATELINE.matcher(paragraph);
        if (!m.find() || m.group("place").length() < 2) {
            return Optional.empty();
        }
        String credit = m.group("credit1") != null ? m.group("credit1") : m.group("credit2");
        // Without a comma only a credit or a dash after the date tells a dateline from a headline ("MGE SETS APRIL 6 START").
        if (m.group("comma") == null && m.group("dash1") == null && credit == null && m.group("dash2") == null) {
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
        String raw = paragraph.substring(0, m.end()).strip();
        String place = m.group("place").replaceAll("\\s+,", ",");
        return Optional.of(new Dateline(raw, place, day, Optional.ofNullable(credit), m.end()));
    }
}
