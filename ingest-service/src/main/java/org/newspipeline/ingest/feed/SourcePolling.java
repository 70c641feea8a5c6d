package org.newspipeline.ingest.feed;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.newspipeline.contract.FeedStatus;
import org.newspipeline.contract.Source;
import org.newspipeline.contract.WebUrls;
import org.newspipeline.ingest.config.IngestConfig;
import org.newspipeline.ingest.fetch.HostSlots;
import org.newspipeline.ingest.source.SourceOwnership;
import org.newspipeline.ingest.source.SourceTopics;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every second, the feeds and sitemaps due of the active sources this replica owns are handed to
 * a pool of {@code ingest.feeds.parallel-hosts} pollers, each only when its host is free
 * ({@link HostSlots}: one request at a time per host, a pause after each). A slow host delays only
 * its own feeds; a feed is never polled twice at once.
 */
@ApplicationScoped
public class SourcePolling {

    private static final Logger LOG = Logger.getLogger(SourcePolling.class);

    private final IngestConfig config;
    private final SourceTopics topics;
    private final SourceOwnership ownership;
    private final HostSlots hosts;
    private final FeedPoller poller;
    private final Set<String> polling = ConcurrentHashMap.newKeySet();
    private final ExecutorService pool;

    public SourcePolling(IngestConfig config, SourceTopics topics, SourceOwnership ownership, HostSlots hosts, FeedPoller poller) {
        this.config = config;
        this.topics = topics;
        this.ownership = ownership;
        this.hosts = hosts;
        this.poller = poller;
        AtomicInteger n = new AtomicInteger();
        int threads = config.feeds().parallelHosts();
        this.pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "feed-poller-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollDue() {
        try {
            Instant now = Instant.now();
            for (Source source : topics.sources()) {
                if (!source.paused()) {
                    int partition = topics.partitionOf(source);
                    source.urls().forEach(url -> pollIfDue(source, partition, url, now));
                }
            }
        } catch (RuntimeException e) {
            // The timer must keep ticking whatever one round met.
            LOG.error("source polling", e);
        }
    }

    private void pollIfDue(Source source, int partition, String url, Instant now) {
        FeedStatus status = topics.feed(url).orElse(null);
        if (status != null && status.nextPoll() != null && status.nextPoll().isAfter(now) || polling.contains(url)) {
            return;
        }
        if (!ownership.begin(partition)) {
            return;
        }
        String host = WebUrls.host(url).orElse("");
        if (!hosts.tryAcquire(host, now)) {
            ownership.finished(partition);
            return;
        }
        polling.add(url);
        pool.execute(() -> {
            try {
                poller.poll(source, url);
            } catch (RuntimeException e) {
                LOG.errorf(e, "polling %s", url);
            } finally {
                polling.remove(url);
                hosts.release(host, url, FeedPoller.delay(source, config));
                ownership.finished(partition);
            }
        });
    }
}
