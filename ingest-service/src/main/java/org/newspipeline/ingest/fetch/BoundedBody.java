package org.newspipeline.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body read the way every fetch of ours reads one (pages, feeds): at most so many
 * bytes, within a time limit. The HTTP client's own timeout ends at the headers; a body that
 * trickles in for longer is closed from outside.
 */
public final class BoundedBody {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fetch-body-watchdog");
        t.setDaemon(true);
        return t;
    });

    private BoundedBody() {
    }

    /** @return the bytes, at most {@code limit}; null when the time limit ran out first */
    public static byte[] read(InputStream body, long limit, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        ScheduledFuture<?> guard = WATCHDOG.schedule(() -> {
            try {
                body.close();
            } catch (IOException ignored) {
                // Closing is how a stalled read is ended; nothing more to do if that fails.
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return body.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            if (Instant.now().isAfter(deadline.minus(Duration.ofMillis(100)))) {
                return null;
            }
            throw e;
        } finally {
            guard.cancel(false);
        }
    }
}
