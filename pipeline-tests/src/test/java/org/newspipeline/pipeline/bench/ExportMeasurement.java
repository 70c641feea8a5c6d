package org.newspipeline.pipeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newspipeline.contract.ContractJson;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /articles/export} of every stored article over HTTP, as a researcher runs it: rows per
 * second beside the ceiling of paging the same fields straight out of OpenSearch (a point in time,
 * the same page size), and query-service's heap sampled from its metrics before and during it.
 */
final class ExportMeasurement {

    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)", Pattern.MULTILINE);
    private static final List<String> FIELDS = List.of("id", "url", "source", "published_at", "date_precision", "date_source",
            "received_at", "title", "language", "entity_keys", "story_id");
    private static final int PAGE = 2_000;

    private ExportMeasurement() {
    }

    static void measure(String base, String searchNode) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long heapBefore = heap(http, base);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong heapMax = new AtomicLong();
        Runnable sample = () -> {
            while (running.get()) {
                try {
                    heapMax.accumulateAndGet(heap(http, base), Math::max);
                    Thread.sleep(200);
                } catch (Exception e) {
                    return;
                }
            }
        };
        double ceiling = openSearchPaging(http, searchNode);
        System.out.printf("ceiling: paging the same fields out of OpenSearch directly (point in time, %,d per page): %,.0f rows/s%n",
                PAGE, ceiling);
        for (String format : List.of("ndjson", "csv")) {
            heapMax.set(0);
            running.set(true);
            Thread sampler = new Thread(sample);
            sampler.start();
            long start = System.nanoTime();
            long rows = 0;
            long bytes = 0;
            HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/articles/export?format=" + format)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("export answered HTTP " + answer.statusCode());
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    rows++;
                    bytes += line.length() + 1;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            running.set(false);
            sampler.join();
            if (format.equals("csv")) {
                rows--; // the header
            }
            System.out.printf("export %s over HTTP: %,d rows (%,d MB) in %.1f s: %,.0f rows/s (%.2f of the ceiling; target 5,000);"
                    + " query-service heap used %,d MB before, at most %,d MB during it (sampled every 200 ms)%n", format, rows,
                    bytes >> 20, seconds, rows / seconds, rows / seconds / ceiling, heapBefore >> 20, heapMax.get() >> 20);
        }
    }

    /** Rows per second of every article paged straight out of the engine. */
    private static double openSearchPaging(HttpClient http, String node) throws Exception {
        String pit = json(http, "POST", node + "/articles/_search/point_in_time?keep_alive=2m", null).path("pit_id").asText();
        long start = System.nanoTime();
        long rows = 0;
        JsonNode after = null;
        while (true) {
            ObjectNode body = ContractJson.mapper().createObjectNode();
            body.put("size", PAGE).put("track_total_hits", false);
            body.putObject("pit").put("id", pit).put("keep_alive", "2m");
            body.putArray("sort").addObject().put("id", "asc");
            var includes = body.putObject("_source").putArray("includes");
            FIELDS.forEach(includes::add);
            if (after != null) {
                body.set("search_after", after);
            }
            JsonNode hits = json(http, "POST", node + "/_search", body).path("hits").path("hits");
            rows += hits.size();
            if (hits.size() < PAGE) {
                return rows / ((System.nanoTime() - start) / 1e9);
            }
            after = hits.get(hits.size() - 1).path("sort");
        }
    }

    private static JsonNode json(HttpClient http, String method, String url, JsonNode body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        return ContractJson.mapper().readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Heap in use now, from the service's own metrics. */
    private static long heap(HttpClient http, String base) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = HEAP.matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return (long) sum;
    }
}
