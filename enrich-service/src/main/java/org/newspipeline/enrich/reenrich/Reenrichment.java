package org.newspipeline.enrich.reenrich;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One replay of stored raw articles through today's enricher, and how far it got.
 *
 * @param request what to replay and why
 */
public final class Reenrichment {

    public enum State { RUNNING, DONE, FAILED }

    /**
     * {@code from} and {@code to} bound the articles' arrival on {@code articles.raw}; {@code entity}
     * is a name or alias in their text; every stored article only with {@code all: true}.
     */
    public record Request(String from, String to, String source, String entity, String reason, boolean all) {

        /** Whether it names no articles, so it would replay all of them. */
        public boolean unbounded() {
            return isBlank(from) && isBlank(to) && isBlank(source) && isBlank(entity);
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }

    /** What GET /reenrichments/{id} answers. */
    public record Progress(String id, State state, Request request, long scanned, long toScan, long matched, long done,
                           long failed, double perSecond, Long etaSeconds, Instant startedAt, Instant finishedAt,
                           String error) {
    }

    private final String id;
    final Request request;
    final Instant startedAt = Instant.now();
    final AtomicLong scanned = new AtomicLong();
    final AtomicLong matched = new AtomicLong();
    final AtomicLong done = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    volatile long toScan;
    volatile State state = State.RUNNING;
    volatile Instant finishedAt;
    volatile String error;

    Reenrichment(String id, Request request) {
        this.id = id;
        this.request = request;
    }

    public String id() {
        return id;
    }

    public Progress progress() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        double rate = scanned.get() / seconds;
        Long eta = state != State.RUNNING ? Long.valueOf(0) : rate <= 0 ? null : (long) ((toScan - scanned.get()) / rate);
        return new Progress(id, state, request, scanned.get(), toScan, matched.get(), done.get(), failed.get(),
                Math.round(done.get() / seconds * 10) / 10.0, eta, startedAt, finishedAt, error);
    }
}
