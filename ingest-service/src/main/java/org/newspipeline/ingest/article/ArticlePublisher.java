package org.newspipeline.ingest.article;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.ingest.config.IngestConfig;

/** Publishes raw articles to {@code articles.raw}, keyed by id, completing only once Kafka acknowledged. */
@ApplicationScoped
public class ArticlePublisher {

    private final MutinyEmitter<RawArticle> emitter;
    private final IngestConfig config;

    public ArticlePublisher(@Channel("raw-articles") MutinyEmitter<RawArticle> emitter, IngestConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /** @return completes when the broker acknowledged; fails with {@link PublishFailedException} otherwise */
    public Uni<Void> publish(RawArticle article) {
        Message<RawArticle> message = Message.of(article)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(article.id()).build());
        return emitter.sendMessage(message)
                .ifNoItem().after(config.publishTimeout())
                .failWith(() -> new PublishFailedException("Kafka did not acknowledge within " + config.publishTimeout(), null))
                .onFailure(f -> !(f instanceof PublishFailedException))
                .transform(f -> new PublishFailedException("Kafka refused the record: " + f.getMessage(), f));
    }
}
