package org.newspipeline.deadletter;

/**
 * Pauses between tries at something that waits for Kafka: 1 s, doubling up to a minute. One per
 * wait; not thread-safe.
 */
public final class KafkaPauses {

    private long nextMs = 1_000;

    /** How long the next {@link #pause()} sleeps, for the log line before it. */
    public long nextMs() {
        return nextMs;
    }

    public void pause() throws InterruptedException {
        Thread.sleep(nextMs);
        nextMs = Math.min(2 * nextMs, 60_000);
    }
}
