package org.newspipeline.enrich.pipeline;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.RawArticle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Enriches a batch of articles on every core ({@code enrich.workers}). Both the consumer and
 * re-enrichments use it: one record at a time through the messaging layer (a worker-pool hop and
 * an event-loop hop per record), the service reached 63 % of the enricher's own rate on 2 cores;
 * whole batches keep every core busy.
 */
@ApplicationScoped
public class ParallelEnricher {

    /** An article's enrichment, or why the enricher failed on it (a bug its text brings out). */
    public record Result(EnrichedArticle article, String failure) {
    }

    private final Enricher enricher;
    private final ExecutorService workers;

    public ParallelEnricher(Enricher enricher, EnrichConfig config) {
        this.enricher = enricher;
        this.workers = Executors.newFixedThreadPool(config.workers().orElse(Runtime.getRuntime().availableProcessors()), work -> {
            Thread t = new Thread(work, "enrich-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** @return one result per article, in the same order */
    public List<Result> enrichAll(List<RawArticle> articles) {
        List<Future<Result>> running = articles.stream().map(raw -> workers.submit(() -> enrichOne(raw))).toList();
        List<Result> results = new ArrayList<>(running.size());
        for (Future<Result> f : running) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                results.add(new Result(null, "enrichment failed: " + e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while enriching", e);
            }
        }
        return results;
    }

    private Result enrichOne(RawArticle raw) {
        try {
            return new Result(enricher.enrich(raw), null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Result(null, "enrichment failed: " + e);
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
