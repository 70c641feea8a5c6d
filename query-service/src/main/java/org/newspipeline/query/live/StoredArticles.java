package org.newspipeline.query.live;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells the live searches how far the {@link EventLog} goes once new articles can be found: at
 * once for what this replica indexed, within {@code query.events.poll} for what the others did.
 */
@ApplicationScoped
public class StoredArticles {

    private static final Logger LOG = Logger.getLogger(StoredArticles.class);

    private final BroadcastProcessor<Long> latest = BroadcastProcessor.create();
    private final AtomicLong announced = new AtomicLong();
    private final EventLog log;

    public StoredArticles(EventLog log) {
        this.log = log;
    }

    /** Called once a batch is searchable, with its last event; returns at once (listeners do their work elsewhere). */
    public synchronized void stored(long seq) { // the indexer and the poll both call: signals one at a time
        if (seq > announced.getAndAccumulate(seq, Math::max)) {
            latest.onNext(seq);
        }
    }

    @Scheduled(every = "{query.events.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            stored(log.latest());
        } catch (RuntimeException e) {
            LOG.debugf("the event log cannot be read now: %s", e.getMessage());
        }
    }

    /**
     * The log's newest seq each time it grows; a slow listener gets the newest value only (it reads
     * what it missed from the log).
     */
    public Multi<Long> growth() {
        return latest.onOverflow().dropPreviousItems();
    }
}
