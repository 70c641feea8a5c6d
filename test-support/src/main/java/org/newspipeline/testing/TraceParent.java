package org.newspipeline.testing;

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

    /** The trace id of a {@code traceparent} value, or null when there is none. */
    public static String traceIdOf(String header) {
        return header == null || header.length() < 35 ? null : header.substring(3, 35);
    }
}
