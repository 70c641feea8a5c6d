package org.newspipeline.contract;

import java.time.Duration;

/**
 * Waits that double after each failure in a row, from a first wait up to a longest one: the one
 * schedule every retry in the pipeline follows (a broker or database away, a page fetch that may
 * pass, a crashed service restarted).
 */
public record Backoff(Duration first, Duration longest) {

    /** Waiting for Kafka: 1 s, doubling up to a minute. */
    public static final Backoff KAFKA = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

    public Backoff {
        if (first.toMillis() < 1 || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff goes from a first wait of a millisecond or more up to a longest one: "
                    + first + ", " + longest);
        }
    }

    /** The wait after {@code failures} failures in a row (1: the first wait). */
    public Duration after(int failures) {
        int doublings = Math.max(0, failures - 1);
        long firstMs = first.toMillis();
        long longestMs = longest.toMillis();
        // Doubling past the longest wait, or past what a long holds, is the longest wait.
        return doublings >= Long.numberOfLeadingZeros(firstMs) - 1 || firstMs << doublings >= longestMs
                ? longest : Duration.ofMillis(firstMs << doublings);
    }

    /** Sleeps the wait after {@code failures} failures in a row. */
    public void sleepAfter(int failures) throws InterruptedException {
        Thread.sleep(after(failures).toMillis());
    }
}
