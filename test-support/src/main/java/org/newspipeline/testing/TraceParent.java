package org.newspipeline.testing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** A W3C trace context as a traced client sends it ({@code traceparent: 00-<trace>-<span>-01}). */
public record TraceParent(String traceId, String spanId) {

    public static final String HEADER = "traceparent";

    /** A fresh, sampled context: a trace no other test shares. */
    public static TraceParent random() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(trace);
        ThreadLocalRandom.current().nextBytes(span);
        return new TraceParent(HexFormat.of().formatHex(trace), HexFormat.of().formatHex(span));
    }

    public String header() {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    /**
     * Waits for the span {@code name} on {@code article} that a service started as a child of this
     * context (the trace its record carried), and returns it.
     */
    public SpanData awaitChild(InMemorySpanExporter spans, String name, String article, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            for (SpanData span : spans.getFinishedSpanItems()) {
                if (span.getName().equals(name) && span.getTraceId().equals(traceId) && span.getParentSpanId().equals(spanId)
                        && article.equals(span.getAttributes().get(AttributeKey.stringKey("article.id")))) {
                    return span;
                }
            }
            Thread.sleep(100); // spans are exported in batches
        }
        throw new AssertionError("no span " + name + " of " + article + " under " + header() + " within " + wait);
    }

    /** The trace id of a {@code traceparent} value, or null when there is none. */
    public static String traceIdOf(String header) {
        return header == null || header.length() < 35 ? null : header.substring(3, 35);
    }
}
