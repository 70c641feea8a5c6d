package org.newspipeline.query.materialize;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.InvalidPayloadException;
import org.newspipeline.query.article.ArticleStore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Materializes {@code articles.enriched}, a polled batch per transaction. A record with no value
 * (a tombstone) deletes its article. A record that is not a valid enriched article goes to
 * {@code articles.enriched.dlq} with the reason in its headers, and the rest of the batch is stored.
 * A database failure is retried; if it persists the channel fails and nothing is committed, so
 * the batch is read again after a restart: nothing is lost.
 */
@ApplicationScoped
public class EnrichedArticleConsumer {

    private static final Logger LOG = Logger.getLogger(EnrichedArticleConsumer.class);
    private static final int ATTEMPTS = 5;

    private final ArticleStore store;
    private final MutinyEmitter<byte[]> deadLetters;

    public EnrichedArticleConsumer(ArticleStore store, @Channel("enriched-dead-letters") MutinyEmitter<byte[]> deadLetters) {
        this.store = store;
        this.deadLetters = deadLetters;
    }

    @Incoming("enriched-articles")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        List<EnrichedArticle> upserts = new ArrayList<>();
        List<String> deletions = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                if (r.value() == null) {
                    deletions.add(requireKey(r));
                } else {
                    upserts.add(ContractJson.read(r.value(), EnrichedArticle.class));
                }
            } catch (InvalidPayloadException e) {
                deadLetter(r, e.getMessage());
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                int changed = store.apply(upserts, deletions);
                LOG.debugf("%d records, %d articles changed", records.count(), changed);
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("storing a batch failed (attempt %d of %d), retrying: %s", attempt, ATTEMPTS, e.getMessage());
                Thread.sleep(1000L * attempt);
            }
        }
    }

    private static String requireKey(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            throw new InvalidPayloadException("a tombstone without a key names no article", null);
        }
        return r.key();
    }

    /** The same headers SmallRye's dead-letter strategy writes, so both DLQs read alike. */
    private void deadLetter(ConsumerRecord<String, byte[]> r, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", r.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", String.valueOf(r.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", String.valueOf(r.offset()).getBytes(StandardCharsets.UTF_8));
        Message<byte[]> message = Message.of(r.value() == null ? new byte[0] : r.value()).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(r.key()).withHeaders(headers).build());
        deadLetters.sendMessage(message).await().atMost(Duration.ofSeconds(30));
        LOG.warnf("record %s-%d@%d sent to the dead-letter topic: %s", r.topic(), r.partition(), r.offset(), reason);
    }
}
