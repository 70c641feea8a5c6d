package org.newspipeline.enrich.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.newspipeline.contract.ContractJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reuters-21578 stories from {@code ../shared/data/reuters21578/} (not in the repository), as wire
 * copy: title line, blank line, then "dateline body".
 */
public final class ReutersCorpus {

    /** A story as the wire would carry it, with its true date. */
    public record Story(String wireCopy, LocalDate trueDay, String datelinePlace, MonthDay statedDay) {

        /** Whether the story's own dateline names its true day: no reader of the text can do better than these. */
        public boolean statesTrueDay() {
            return MonthDay.from(trueDay).equals(statedDay);
        }
    }

    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d-MMM-yyyy").toFormatter(Locale.ENGLISH);

    /** The place is what comes before the date in a Reuters dateline ("PORTLAND, Ore., Feb 26 -"). */
    private static final Pattern PLACE_BEFORE_DATE =
            Pattern.compile("^(.*?),?\\s+\\p{L}{3,9}\\.? \\d{1,2}\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\p{L}{3,9})\\.?\\s+(\\d{1,2})\\b");

    private ReutersCorpus() {
    }

    /** The shared data folder beside the repository, whichever module the JVM runs in. */
    public static Path folder() {
        return SharedData.resolve("reuters21578");
    }

    /** Stories that have a title, a dateline and a body; at most {@code limit}. */
    public static List<Story> load(Path folder, int limit) {
        List<Story> stories = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode a : ContractJson.mapper().readTree(file.toFile())) {
                    if (stories.size() >= limit) {
                        return stories;
                    }
                    String title = a.path("title").asText("");
                    String dateline = a.path("dateline").asText("");
                    String body = a.path("body").asText("");
                    if (title.isBlank() || dateline.isBlank() || body.isBlank()) {
                        continue;
                    }
                    LocalDate day = LocalDate.parse(a.path("date").asText().strip().split(" ")[0], DATE);
                    var placeMatch = PLACE_BEFORE_DATE.matcher(dateline.strip());
                    String place = placeMatch.find() ? placeMatch.group(1).strip() : dateline.strip();
                    stories.add(new Story(title + "\n\n" + dateline.strip() + " " + body, day, place, statedDay(dateline)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stories;
    }

    /** The day a corpus dateline names, when it is spelled correctly ("LOS ANGELES, Feb 26 -"). */
    private static MonthDay statedDay(String dateline) {
        var m = MONTH_DAY.matcher(dateline);
        if (!m.find()) {
            return null;
        }
        String prefix = m.group(1).substring(0, 3).toUpperCase(Locale.ROOT);
        int day = Integer.parseInt(m.group(2));
        return Arrays.stream(Month.values()).filter(month -> month.name().startsWith(prefix)).findFirst()
                .filter(month -> day <= month.maxLength()).map(month -> MonthDay.of(month, day)).orElse(null);
    }
}
