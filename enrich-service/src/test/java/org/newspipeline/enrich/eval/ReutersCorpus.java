package org.newspipeline.enrich.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.newspipeline.contract.ContractJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reuters-21578 stories from {@code ../shared/data/reuters21578/} (not in the repository), as wire
 * copy: title line, blank line, then "dateline body".
 */
public final class ReutersCorpus {

    /** A story as the wire would carry it, with its true date. */
    public record Story(String wireCopy, LocalDate trueDay, String datelinePlace) {
    }

    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d-MMM-yyyy").toFormatter(Locale.ENGLISH);

    /** The place is what comes before the date in a Reuters dateline ("PORTLAND, Ore., Feb 26 -"). */
    private static final java.util.regex.Pattern PLACE_BEFORE_DATE =
            java.util.regex.Pattern.compile("^(.*?),?\\s+\\p{L}{3,9}\\.? \\d{1,2}\\b");

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
                    stories.add(new Story(title + "\n\n" + dateline.strip() + " " + body, day, place));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stories;
    }
}
