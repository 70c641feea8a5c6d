package org.newspipeline.ingest.article;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.ingest.config.IngestConfig;

/** Publishes raw articles to {@code articles.raw}, keyed by id, completing only once Kafka acknowledged. */
@ApplicationScoped
public class ArticlePublisher {

    private final MutinyEmitter<RawArticle> emitter;
    private final IngestConfig config;

    /**
     * Articles wait here while the producer has its in-flight maximum out: room for the windows of
     * many batches and files at once (each sends at most {@link Ingestion#CONCURRENCY} articles at a time).
     */
    public static final int QUEUED_ARTICLES = 8192;

    public ArticlePublisher(@Channel("raw-articles") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = QUEUED_ARTICLES)
                            MutinyEmitter<RawArticle> emitter, IngestConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /**
     * @return completes when the broker acknowledged; fails with {@link PublishFailedException} when
     * Kafka could not take it now, with {@link InvalidArticleException} (413) when it never can
     */
    public Uni<Void> publish(RawArticle article) {
        Message<RawArticle> message = Message.of(article)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(article.id()).build());
        return emitter.sendMessage(message)
                .ifNoItem().after(config.publishTimeout())
                .failWith(() -> new PublishFailedException("Kafka did not acknowledge within " + config.publishTimeout(), null))
                .onFailure(ArticlePublisher::tooLarge)
                .transform(f -> new InvalidArticleException(413, "the article is too large for Kafka once encoded"))
                .onFailure(f -> !(f instanceof PublishFailedException || f instanceof InvalidArticleException))
                .transform(f -> new PublishFailedException("Kafka refused the record: " + f.getMessage(), f));
    }

    private static boolean tooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
