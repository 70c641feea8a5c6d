package org.newspipeline.ingest.article;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.contract.ArticleOrigin;
import org.newspipeline.contract.RawArticle;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The one way in, for every door (HTTP, inbox, feeds): a submission is validated into a raw article
 * with its id ({@link #prepare}), then published unless it is a duplicate ({@link #ingest}). Every
 * outcome is counted per kind of origin.
 */
@ApplicationScoped
public class Ingestion {

    public enum Status { ACCEPTED, DUPLICATE }

    public record Outcome(String id, Status status) {
    }

    /** Articles of one call to {@link #ingestAll} waiting for Kafka at once. */
    public static final int CONCURRENCY = 256;

    private final ArticleFactory factory;
    private final SeenArticles seen;
    private final ArticlePublisher publisher;
    private final MeterRegistry metrics;

    public Ingestion(ArticleFactory factory, SeenArticles seen, ArticlePublisher publisher, MeterRegistry metrics) {
        this.factory = factory;
        this.seen = seen;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /**
     * @param referenceTime the reference date when the sender gave none (a file's modification
     *                      time, a feed's fetch time), or null
     * @throws InvalidArticleException (counted as rejected) saying what is wrong
     */
    public RawArticle prepare(ArticleSubmission submission, ArticleOrigin origin, Instant referenceTime) {
        try {
            return factory.fromSubmission(submission, origin, referenceTime);
        } catch (InvalidArticleException e) {
            countRejected(origin.kind());
            throw e;
        }
    }

    /** {@link #prepare} and {@link #ingest(RawArticle)} in one, for a single article. */
    public Uni<Outcome> ingest(ArticleSubmission submission, ArticleOrigin origin) {
        return ingest(prepare(submission, origin, null));
    }

    /**
     * @return completes once Kafka acknowledged (or at once for a duplicate); fails with
     * {@link PublishFailedException} when Kafka could not take it, in which case nothing was published
     */
    public Uni<Outcome> ingest(RawArticle article) {
        ArticleOrigin.Kind kind = ArticleOrigin.parse(article.origin()).kind();
        if (!seen.claim(article.id())) {
            count(kind, "duplicate");
            return Uni.createFrom().item(new Outcome(article.id(), Status.DUPLICATE));
        }
        return publisher.publish(article)
                .onItem().invoke(() -> count(kind, "accepted"))
                .onFailure().invoke(() -> {
                    seen.release(article.id());
                    count(kind, "failed");
                })
                .replaceWith(new Outcome(article.id(), Status.ACCEPTED));
    }

    /** Whether an article with this id was published (by any door, before or since the last start). */
    public boolean isPublished(String id) {
        return seen.contains(id);
    }

    /**
     * Publishes a new version of an article already published under the same id (a feed item's
     * page, fetched after its feed text went out); consumers keep the later one.
     */
    public Uni<Outcome> update(RawArticle article) {
        ArticleOrigin.Kind kind = ArticleOrigin.parse(article.origin()).kind();
        seen.claim(article.id());
        return publisher.publish(article)
                .onItem().invoke(() -> count(kind, "updated"))
                .onFailure().invoke(() -> count(kind, "failed"))
                .replaceWith(new Outcome(article.id(), Status.ACCEPTED));
    }

    /**
     * Publishes articles that arrived together (a file, a feed's new items), a bounded number at a
     * time so that a large file waits for Kafka instead of overflowing the producer's queue.
     *
     * @return completes once every article was acknowledged or recognised as a duplicate; fails
     * when one could not be published
     */
    public Uni<List<Outcome>> ingestAll(List<RawArticle> articles) {
        return Multi.createFrom().iterable(articles)
                .onItem().transformToUni(this::ingest).merge(CONCURRENCY)
                .collect().asList();
    }

    /** Input refused as a whole (an inbox file that is not an article file), counted with the rest. */
    public void countRejected(ArticleOrigin.Kind kind) {
        count(kind, "rejected");
    }

    private void count(ArticleOrigin.Kind kind, String outcome) {
        metrics.counter("ingest.articles", "source", kind.name().toLowerCase(Locale.ROOT), "outcome", outcome).increment();
    }
}
