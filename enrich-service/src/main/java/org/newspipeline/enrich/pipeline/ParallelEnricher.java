package org.newspipeline.enrich.pipeline;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.RawArticle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Enriches a batch of articles on every core ({@code enrich.workers}). Both the consumer and
 * re-enrichments use it: one record at a time through the messaging layer (a worker-pool hop and
 * an event-loop hop per record), the service fell well short of the enricher's own rate
 * (docs/benchmarks.md, "Earlier figures"); whole batches keep every core busy.
 * <p>
 * An article that runs over {@code enrich.article-timeout} fails with that reason. Its thread
 * cannot be stopped (a runaway regex does not check for interrupts), so the workers are replaced:
 * the next articles get a full pool, and the old one ends once its threads return and idle.
 */
@ApplicationScoped
public class ParallelEnricher {

    private static final Logger LOG = Logger.getLogger(ParallelEnricher.class);

    /**
     * An article's enrichment, or why there is none: it ran over the time limit ({@code error} null),
     * or the enricher failed on it ({@code error}: a bug its text brings out).
     *
     * @param nanos how long a worker spent on it
     */
    public record Result(EnrichedArticle article, String failure, Throwable error, long nanos) {

        static Result failed(Throwable error, long nanos) {
            return new Result(null, "enrichment failed: " + error, error, nanos);
        }

        public boolean timedOut() {
            return failure != null && error == null;
        }
    }

    private final Enricher enricher;
    private final int size;
    private final Duration timeout;
    private volatile ExecutorService workers;

    public ParallelEnricher(Enricher enricher, EnrichConfig config) {
        this.enricher = enricher;
        this.size = config.workers().orElse(Runtime.getRuntime().availableProcessors());
        this.timeout = config.articleTimeout();
        this.workers = newWorkers();
    }

    /** How many articles it enriches at once. */
    public int workers() {
        return size;
    }

    /** @return one result per article, in the same order */
    public List<Result> enrichAll(List<RawArticle> articles) {
        List<Job> jobs = articles.stream().map(Job::new).toList();
        List<Result> results = new ArrayList<>(jobs.size());
        try {
            for (Job job : jobs) {
                results.add(job.await());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while enriching", e);
        }
        return results;
    }

    /** One article on its way through a pool of workers. */
    private final class Job {
        private final RawArticle raw;
        private Attempt attempt;

        Job(RawArticle raw) {
            this.raw = raw;
            attempt = new Attempt(raw);
        }

        Result await() throws InterruptedException {
            while (true) {
                try {
                    return attempt.future.get(1, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    return Result.failed(e.getCause(), System.nanoTime() - attempt.startedAt);
                } catch (TimeoutException e) {
                    long started = attempt.startedAt;
                    if (started != 0 && System.nanoTime() - started > timeout.toNanos()) {
                        replace(attempt.pool);
                        return new Result(null, "enrichment did not finish within " + seconds(timeout), null,
                                System.nanoTime() - started);
                    }
                    // Its pool was replaced before a worker took it: the new one takes it.
                    if (attempt.pool != workers && attempt.taken.compareAndSet(false, true)) {
                        attempt = new Attempt(raw);
                    }
                }
            }
        }
    }

    /**
     * An article given to the pool of the moment. Either a worker takes it or the waiting side
     * withdraws it (to give it to a new pool), never both: {@code taken} decides.
     */
    private final class Attempt {
        final ExecutorService pool = workers;
        final AtomicBoolean taken = new AtomicBoolean();
        /** When a worker took it (System.nanoTime), 0 before. */
        volatile long startedAt;
        final Future<Result> future;

        Attempt(RawArticle raw) {
            future = pool.submit(() -> {
                if (!taken.compareAndSet(false, true)) {
                    return null; // withdrawn: another attempt has it
                }
                startedAt = System.nanoTime();
                return enrichOne(raw, startedAt);
            });
        }
    }

    private Result enrichOne(RawArticle raw, long started) {
        try {
            EnrichedArticle article = enricher.enrich(raw);
            return new Result(article, null, null, System.nanoTime() - started);
        } catch (RuntimeException | StackOverflowError e) {
            return Result.failed(e, System.nanoTime() - started);
        }
    }

    /** The old pool is left alone, never shut down: a batch on another thread may still be giving it work. */
    private synchronized void replace(ExecutorService stuck) {
        if (workers == stuck) {
            workers = newWorkers();
            LOG.errorf("an article ran over %s; its worker is left to finish on its own and new workers take the next articles",
                    seconds(timeout));
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** Idle workers end after a minute, so that a replaced pool goes away once its threads return. */
    private ExecutorService newWorkers() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), work -> {
            Thread t = new Thread(work, "enrich-worker");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @PreDestroy
    public void stop() {
        workers.shutdownNow();
    }
}
