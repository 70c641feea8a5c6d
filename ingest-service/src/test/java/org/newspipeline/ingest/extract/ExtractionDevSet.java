package org.newspipeline.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * The main-text development set in ../shared/data/extraction-dev (949 real pages with snippets that
 * must and must not be extracted), scored as its README says: a "with" snippet found is a true
 * positive, a "without" snippet found a false positive.
 */
final class ExtractionDevSet {

    static final Path DIR = Path.of("..", "shared", "data", "extraction-dev").toAbsolutePath().normalize();
    private static final Path BESIDE_MODULE = Path.of("..", "..", "shared", "data", "extraction-dev");

    record Page(String url, byte[] html, List<String> with, List<String> without) {
    }

    record Score(int pages, int truePositives, int falseNegatives, int falsePositives, int trueNegatives, double seconds) {
        double precision() {
            return truePositives / (double) (truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) (truePositives + falseNegatives);
        }

        double f() {
            return 2 * precision() * recall() / (precision() + recall());
        }

        double accuracy() {
            return (truePositives + trueNegatives) / (double) (truePositives + falseNegatives + falsePositives + trueNegatives);
        }

        double pagesPerSecond() {
            return pages / seconds;
        }

        @Override
        public String toString() {
            return String.format("pages %d  F %.3f  P %.3f  R %.3f  accuracy %.3f  %.0f pages/s (one thread)",
                    pages, f(), precision(), recall(), accuracy(), pagesPerSecond());
        }
    }

    /** @return the folder, from the repository root or from a module; null when the data is absent */
    static Path locate() {
        for (Path candidate : List.of(DIR, BESIDE_MODULE.toAbsolutePath().normalize())) {
            if (Files.isRegularFile(candidate.resolve("evaldata.json"))) {
                return candidate;
            }
        }
        return null;
    }

    static List<Page> load(Path dir) throws IOException {
        JsonNode index = new ObjectMapper().readTree(dir.resolve("evaldata.json").toFile());
        List<Page> pages = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = index.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Path file = dir.resolve("pages").resolve(entry.getValue().get("file").asText() + ".gz");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                pages.add(new Page(entry.getKey(), in.readAllBytes(), strings(entry.getValue().get("with")),
                        strings(entry.getValue().get("without"))));
            }
        }
        return pages;
    }

    static Document parse(Page page) {
        try {
            return Jsoup.parse(new java.io.ByteArrayInputStream(page.html()), null, page.url());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Score score(List<Page> pages, Function<Page, String> extractor, boolean verbose) {
        int tp = 0, fn = 0, fp = 0, tn = 0;
        long start = System.nanoTime();
        for (Page page : pages) {
            String text = normalize(extractor.apply(page));
            for (String snippet : page.with()) {
                boolean found = text.contains(normalize(snippet));
                tp += found ? 1 : 0;
                fn += found ? 0 : 1;
                if (!found && verbose) {
                    System.out.println("MISSED  " + page.url() + "  «" + snippet + "»");
                }
            }
            for (String snippet : page.without()) {
                boolean found = text.contains(normalize(snippet));
                fp += found ? 1 : 0;
                tn += found ? 0 : 1;
                if (found && verbose) {
                    System.out.println("NOISE   " + page.url() + "  «" + snippet + "»");
                }
            }
        }
        return new Score(pages.size(), tp, fn, fp, tn, (System.nanoTime() - start) / 1e9);
    }

    private static String normalize(String text) {
        return text == null ? "" : text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
