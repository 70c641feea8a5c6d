package org.newspipeline.ingest.article;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.contract.RawArticle;

import java.util.List;

/** The one way in: duplicates are recognised and reported, everything else is published. */
@ApplicationScoped
public class Ingestion {

    public enum Status { ACCEPTED, DUPLICATE }

    public record Outcome(String id, Status status) {
    }

    /** Articles of one call to {@link #ingestAll} waiting for Kafka at once. */
    public static final int CONCURRENCY = 256;

    private final SeenArticles seen;
    private final ArticlePublisher publisher;
    private final MeterRegistry metrics;

    public Ingestion(SeenArticles seen, ArticlePublisher publisher, MeterRegistry metrics) {
        this.seen = seen;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /**
     * @param sourceKind {@code http}, {@code inbox} or {@code feed}, for the counters
     * @return completes once Kafka acknowledged (or at once for a duplicate); fails with
     * {@link PublishFailedException} when Kafka could not take it, in which case nothing was published
     */
    public Uni<Outcome> ingest(RawArticle article, String sourceKind) {
        if (!seen.claim(article.id())) {
            count(sourceKind, "duplicate");
            return Uni.createFrom().item(new Outcome(article.id(), Status.DUPLICATE));
        }
        return publisher.publish(article)
                .onItem().invoke(() -> count(sourceKind, "accepted"))
                .onFailure().invoke(() -> {
                    seen.release(article.id());
                    count(sourceKind, "failed");
                })
                .replaceWith(new Outcome(article.id(), Status.ACCEPTED));
    }

    /**
     * Publishes articles that arrived together (a file, a feed's new items), a bounded number at a
     * time so that a large file waits for Kafka instead of overflowing the producer's queue.
     *
     * @return completes once every article was acknowledged or recognised as a duplicate; fails
     * when one could not be published
     */
    public Uni<List<Outcome>> ingestAll(List<RawArticle> articles, String sourceKind) {
        return Multi.createFrom().iterable(articles)
                .onItem().transformToUni(a -> ingest(a, sourceKind)).merge(CONCURRENCY)
                .collect().asList();
    }

    /** Rejected input, counted with the rest. */
    public void countRejected(String sourceKind) {
        count(sourceKind, "rejected");
    }

    private void count(String sourceKind, String outcome) {
        metrics.counter("ingest.articles", "source", sourceKind, "outcome", outcome).increment();
    }
}
