package org.newspipeline.testing;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sends generated requests and holds every answer to what a hardened service promises: never a
 * 5xx, every error an {@code application/problem+json} body, no answer slower than
 * {@value #SLOWEST_MILLIS} ms.
 */
public final class HttpFuzzer {

    public static final long SLOWEST_MILLIS = 2000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param failures one line per broken promise: the request and what came back */
    public record Outcome(String endpoint, int requests, double p99Millis, double maxMillis, List<String> failures) {

        /** Prints the outcome and fails with the broken promises, if any. */
        public void assertNoFailures() {
            System.out.println(this);
            if (!failures.isEmpty()) {
                throw new AssertionError(this);
            }
        }

        @Override
        public String toString() {
            return String.format("%s: %,d requests, p99 %.1f ms, max %.1f ms, %d failures%s", endpoint, requests,
                    p99Millis, maxMillis, failures.size(), failures.isEmpty() ? "" : " " + failures.subList(0, Math.min(5, failures.size())));
        }
    }

    private HttpFuzzer() {
    }

    public static Outcome run(String endpoint, List<HttpRequest> requests) throws InterruptedException {
        long[] nanos = new long[requests.size()];
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            HttpRequest request = requests.get(i);
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                nanos[i] = System.nanoTime() - start;
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (response.statusCode() >= 500) {
                    failures.add(request.method() + " " + request.uri() + " -> " + response.statusCode() + " " + abbreviate(response.body()));
                } else if (response.statusCode() >= 400 && !type.startsWith("application/problem+json")) {
                    failures.add(request.method() + " " + request.uri() + " -> " + response.statusCode() + " as " + type);
                }
            } catch (IOException e) {
                nanos[i] = System.nanoTime() - start;
                failures.add(request.method() + " " + request.uri() + " -> " + e);
            }
            if (nanos[i] > SLOWEST_MILLIS * 1_000_000) {
                failures.add(request.method() + " " + request.uri() + " took " + nanos[i] / 1_000_000 + " ms");
            }
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Outcome(endpoint, requests.size(), sorted[Math.max(0, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, failures);
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
