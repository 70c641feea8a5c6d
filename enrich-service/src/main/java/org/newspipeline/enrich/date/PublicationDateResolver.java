package org.newspipeline.enrich.date;

import org.newspipeline.contract.ArticleOrigin;
import org.newspipeline.contract.EnrichedArticle.Publication;
import org.newspipeline.contract.EnrichedArticle.Publication.DateSource;
import org.newspipeline.contract.EnrichedArticle.Publication.Precision;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.enrich.dateline.Dateline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides when an article was published, from the best evidence there is: the date the feed or the
 * client gave, then a full date stated in the text, then the dateline's day (its year from the
 * reference date), then the reference date itself. Disagreements are recorded, not hidden.
 */
public final class PublicationDateResolver {

    private static final Pattern YEAR = Pattern.compile("\\b(19[5-9]\\d|20[0-9]\\d)\\b");

    private PublicationDateResolver() {
    }

    public static PublicationDate resolve(RawArticle raw, String cleanText, Optional<Dateline> dateline) {
        List<String> conflicts = new ArrayList<>();
        ArticleOrigin.Kind origin = ArticleOrigin.parse(raw.origin()).kind();
        Optional<StatedDates.StatedDate> stated = StatedDates.find(cleanText);

        if (raw.publishedAt() != null) {
            DateSource source = origin == ArticleOrigin.Kind.FEED ? DateSource.FEED : DateSource.REQUEST;
            compare(raw.publishedAt(), dateline, stated, conflicts);
            return new PublicationDate(raw.publishedAt(), new Publication(Precision.DATETIME, source, 0.95, conflicts));
        }
        if (stated.isPresent()) {
            StatedDates.StatedDate s = stated.get();
            compare(s.instant(), dateline, Optional.empty(), conflicts);
            double confidence = (s.hasTime() ? 0.9 : 0.85) - (conflicts.isEmpty() ? 0 : 0.2);
            return new PublicationDate(s.instant(),
                    new Publication(s.hasTime() ? Precision.DATETIME : Precision.DAY, DateSource.TEXT, confidence, conflicts));
        }
        Instant reference = raw.referenceDate() != null ? raw.referenceDate() : raw.receivedAt();
        DateSource referenceSource = raw.referenceDate() == null ? DateSource.RECEIVED
                : origin == ArticleOrigin.Kind.INBOX ? DateSource.FILE : DateSource.REQUEST;
        if (dateline.isPresent()) {
            LocalDate day = latestNotAfter(dateline.get().day(), reference.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1));
            double confidence = 0.8 + yearEvidence(cleanText, day.getYear(), conflicts);
            return new PublicationDate(day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    new Publication(Precision.DAY, DateSource.DATELINE, confidence, conflicts));
        }
        return new PublicationDate(reference, new Publication(Precision.DAY, referenceSource,
                referenceSource == DateSource.RECEIVED ? 0.2 : 0.3, conflicts));
    }

    /** The latest date with that month and day that is not after {@code limit}. */
    static LocalDate latestNotAfter(MonthDay day, LocalDate limit) {
        for (int year = limit.getYear(); ; year--) {
            if (day.isValidYear(year) && !day.atYear(year).isAfter(limit)) {
                return day.atYear(year);
            }
        }
    }

    /**
     * Years written in the text: the resolved year among them raises confidence; only other years
     * lower it, and are recorded. They never replace the resolved year.
     */
    private static double yearEvidence(String text, int year, List<String> conflicts) {
        Matcher m = YEAR.matcher(text);
        boolean any = false;
        while (m.find()) {
            any = true;
            if (Integer.parseInt(m.group(1)) == year) {
                return 0.1;
            }
        }
        if (any) {
            conflicts.add("the text names other years than " + year);
            return -0.2;
        }
        return 0;
    }

    private static void compare(Instant chosen, Optional<Dateline> dateline, Optional<StatedDates.StatedDate> stated,
                                List<String> conflicts) {
        LocalDate day = chosen.atZone(ZoneOffset.UTC).toLocalDate();
        dateline.filter(d -> !d.day().equals(MonthDay.from(day)) && !d.day().equals(MonthDay.from(day.minusDays(1))))
                .ifPresent(d -> conflicts.add("dateline says " + d.day() + " but the date is " + day));
        stated.filter(s -> !s.instant().atZone(ZoneOffset.UTC).toLocalDate().equals(day))
                .ifPresent(s -> conflicts.add("the text states " + s.text() + " but the date is " + day));
    }
}
