package org.newspipeline.ingest.extract;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.nodes.Document;
import org.newspipeline.ingest.config.IngestConfig;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads pages for every door (posted pages, inbox files, fetched pages) on workers of its own, one
 * per core by default, never on the caller's thread: an event loop or a fetcher is never held by
 * a page. Each page gets {@code ingest.extract.timeout} from when a worker takes it; one that runs
 * over is refused with that reason, and its worker stops at the next element it visits. At most
 * two pages per worker are in hand; a caller waits up to the time limit for a place and then for
 * a worker, and is told the readers are busy when none came.
 */
@ApplicationScoped
public class PageReader {

    /** How often a waiting caller looks whether its page has been taken by a worker. */
    private static final long POLL = TimeUnit.MILLISECONDS.toNanos(100);

    private final ExecutorService workers;
    private final Semaphore inHand;
    private final Duration timeout;

    public PageReader(IngestConfig config) {
        int size = config.extract().workers().orElse(Runtime.getRuntime().availableProcessors());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(size, r -> {
            Thread t = new Thread(r, "page-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.inHand = new Semaphore(2 * size);
        this.timeout = config.extract().timeout();
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** @throws UnreadablePageException when the page is refused or not read in time */
    public WebPage read(String html, String url) {
        return onWorker(() -> WebPages.extract(html, url));
    }

    /** @param charset from the Content-Type header, or null to take the page's own */
    public WebPage read(byte[] html, Charset charset, String url) {
        return onWorker(() -> WebPages.extract(html, charset, url));
    }

    /** Any HTML from outside as a document ({@link WebPages#parse}), under the same limits as a page. */
    public Document parse(String html, String url) {
        return onWorker(() -> WebPages.parse(html, url));
    }

    /**
     * The page's time limit runs from when a worker takes it; a page that waited that long for a
     * worker was not read at all, which is no fault of the page (busy). The place in hand is given
     * back when the work really ends: a parse cannot be interrupted, only bounded.
     */
    private <T> T onWorker(Callable<T> read) {
        long limit = timeout.toNanos();
        try {
            if (!inHand.tryAcquire(limit, TimeUnit.NANOSECONDS)) {
                throw new ReadersBusyException("every page reader is busy; try again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadersBusyException("the service is stopping");
        }
        AtomicLong startedAt = new AtomicLong();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                inHand.release();
            }
        };
        Future<T> page = workers.submit(() -> {
            startedAt.set(System.nanoTime());
            try {
                return read.call();
            } finally {
                release.run();
            }
        });
        long queuedUntil = System.nanoTime() + limit;
        try {
            while (true) {
                long started = startedAt.get();
                long left = (started != 0 ? started + limit : queuedUntil) - System.nanoTime();
                if (left <= 0) {
                    page.cancel(true);
                    if (started == 0) {
                        release.run(); // never ran: it gives nothing back itself
                        throw new ReadersBusyException("every page reader is busy; try again shortly");
                    }
                    throw new UnreadablePageException("it was not read within " + timeout.toMillis() / 1000.0 + " s");
                }
                try {
                    return page.get(Math.min(left, POLL), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // look again: it may have started meanwhile, which sets its own deadline
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("reading a page failed", e.getCause());
        } catch (InterruptedException e) {
            page.cancel(true);
            Thread.currentThread().interrupt();
            throw new ReadersBusyException("the service is stopping");
        }
    }

    /** Not the page's fault: the caller may try again (HTTP 503, a file left for the next scan). */
    public static class ReadersBusyException extends RuntimeException {
        ReadersBusyException(String message) {
            super(message);
        }
    }
}
