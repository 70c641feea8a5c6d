package org.newspipeline.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Generated requests for each public endpoint, the same for the same seed: the service tests send
 * 1,000 of each, the fuzz benchmark 20,000.
 *
 * @param base a service's root URL, ending in {@code /}
 */
public record HostileRequests(String base, long seed) {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** {@code GET /articles} with one to four parameters, any of them repeated. */
    public List<HttpRequest> searches(int count) {
        String[] names = {"q", "source", "entity", "type", "place", "lang", "from", "to", "sort", "limit", "cursor"};
        List<String> values = HostileInput.sample(HostileInput.queryValue(), count * 4, seed);
        Random random = new Random(seed + 1);
        return IntStream.range(0, count).mapToObj(i -> get("articles?" + IntStream.range(0, 1 + random.nextInt(4))
                .mapToObj(k -> names[random.nextInt(names.length)] + "=" + values.get(random.nextInt(values.size())))
                .collect(Collectors.joining("&")))).toList();
    }

    /** {@code GET /entities?prefix=} and {@code GET /entities/{name}}, in turn. */
    public List<HttpRequest> entityLookups(int count) {
        List<String> values = HostileInput.sample(HostileInput.queryValue(), count * 2, seed + 2);
        return IntStream.range(0, count).mapToObj(i -> get(i % 2 == 0
                ? "entities?prefix=" + values.get(2 * i) + "&limit=" + values.get(2 * i + 1)
                : "entities/" + (values.get(2 * i).isEmpty() ? "x" : values.get(2 * i)))).toList();
    }

    /** {@code GET /stats/timeline} with an entity, an interval and a query. */
    public List<HttpRequest> timelines(int count) {
        List<String> values = HostileInput.sample(HostileInput.queryValue(), count * 2, seed + 3);
        String[] intervals = {"day", "month", "year", "week", ""};
        return IntStream.range(0, count).mapToObj(i -> get("stats/timeline?entity=" + values.get(2 * i) + "&interval="
                + intervals[i % intervals.length] + "&q=" + values.get(2 * i + 1))).toList();
    }

    /** {@code POST /articles} as text and JSON (any field, or no JSON at all) and {@code /articles/batch}. */
    public List<HttpRequest> articlePosts(int count) {
        List<String> texts = HostileInput.sample(HostileInput.text(), count * 2, seed + 4);
        String[] fields = {"body", "title", "url", "source", "publishedAt", "language", "receivedAt", "author"};
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String a = texts.get(2 * i);
            String b = texts.get(2 * i + 1);
            requests.add(switch (i % 4) {
                case 0 -> post("articles", "text/plain", a + b);
                case 1 -> post("articles", "application/json", "{\"body\":" + HostileInput.jsonString(a) + ",\""
                        + fields[i % fields.length] + "\":" + HostileInput.jsonString(b) + "}");
                case 2 -> post("articles", "application/json", a);
                default -> post("articles/batch", "application/x-ndjson", "{\"body\":" + HostileInput.jsonString(a) + "}\n" + b);
            });
        }
        return requests;
    }

    /** {@code POST /enrichments} as text and as JSON with one more field. */
    public List<HttpRequest> previews(int count) {
        List<String> texts = HostileInput.sample(HostileInput.text(), count * 2, seed + 5);
        String[] fields = {"title", "url", "source", "publishedAt", "referenceDate"};
        return IntStream.range(0, count).mapToObj(i -> i % 2 == 0
                ? post("enrichments", "text/plain", texts.get(2 * i) + " " + texts.get(2 * i + 1))
                : post("enrichments", "application/json", "{\"text\":" + HostileInput.jsonString(texts.get(2 * i)) + ",\""
                + fields[i % fields.length] + "\":" + HostileInput.jsonString(texts.get(2 * i + 1)) + "}")).toList();
    }

    private HttpRequest get(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT).build();
    }

    private HttpRequest post(String path, String type, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
