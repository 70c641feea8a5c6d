package org.newspipeline.query.waiting;

import org.jboss.logging.Logger;
import org.newspipeline.contract.Backoff;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs a consumer's work until it succeeds or fails because of its data, waiting out every other
 * failure (a dependency away) with growing pauses, its readiness down meanwhile.
 */
public final class Persistently {

    private static final Logger LOG = Logger.getLogger(Persistently.class);
    private static final Backoff PAUSES = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15));

    /** What decides: whether a failure lies in the data, and how to tell it without leaking values. */
    public record Failures(Predicate<RuntimeException> causedByData, Function<RuntimeException, String> describe) {
    }

    private Persistently() {
    }

    /** @return why the data was refused, or empty when the work was done */
    public static Optional<String> untilDoneOrRefused(Runnable work, Failures failures, WaitingHealth health)
            throws InterruptedException {
        for (int inARow = 1; ; inARow++) {
            try {
                work.run();
                health.working();
                return Optional.empty();
            } catch (RuntimeException e) {
                if (failures.causedByData().test(e)) {
                    return Optional.of(failures.describe().apply(e));
                }
                health.waiting(failures.describe().apply(e));
                LOG.warnf("waiting (%s); trying again in %d ms", failures.describe().apply(e), PAUSES.after(inARow).toMillis());
                PAUSES.sleepAfter(inARow);
            }
        }
    }
}
