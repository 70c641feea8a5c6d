package org.newspipeline.enrich.pipeline;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.InvalidPayloadException;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.deadletter.DeadLetters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code articles.raw} to {@code articles.enriched}, keyed by article id, a polled batch at a time:
 * enriched on every core, published in order, and acknowledged (its offsets committed) only once
 * Kafka has every enriched record. A record that is not a valid raw article, that the enricher fails
 * on, or whose enrichment Kafka can never take (too large), goes to {@code articles.raw.dlq} with
 * the reason, and the rest of the batch carries on.
 */
@ApplicationScoped
public class RawArticleProcessor {

    /** Room for a whole polled batch (max.poll.records) on its way to the producer. */
    private static final int IN_FLIGHT = 1024;

    private record Enrichment(ConsumerRecord<String, byte[]> record, RawArticle raw) {
    }

    private final ParallelEnricher enricher;
    private final DeadLetters deadLetters;
    private final MutinyEmitter<EnrichedArticle> enriched;

    public RawArticleProcessor(ParallelEnricher enricher, DeadLetters deadLetters,
                               @Channel("enriched-articles") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = IN_FLIGHT)
                               MutinyEmitter<EnrichedArticle> enriched) {
        this.enricher = enricher;
        this.deadLetters = deadLetters;
        this.enriched = enriched;
    }

    @Incoming("raw-articles")
    @Blocking
    public void process(ConsumerRecords<String, byte[]> records) {
        List<Enrichment> valid = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                valid.add(new Enrichment(record, ContractJson.read(record.value(), RawArticle.class)));
            } catch (InvalidPayloadException e) {
                deadLetters.send(record, e.getMessage());
            }
        }
        List<ParallelEnricher.Result> results = enricher.enrichAll(valid.stream().map(Enrichment::raw).toList());
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (ParallelEnricher.Result r : results) {
            sends.add(r.article() == null ? CompletableFuture.completedFuture(null) : send(r.article()));
        }
        for (int i = 0; i < valid.size(); i++) {
            String failure = results.get(i).failure() != null ? results.get(i).failure() : failureOf(sends.get(i));
            if (failure != null) {
                // A bug the text brings out, or an article Kafka never takes: it waits in the DLQ for a fix and a redrive.
                deadLetters.send(valid.get(i).record(), failure);
            }
        }
    }

    private CompletableFuture<Void> send(EnrichedArticle article) {
        return enriched.sendMessage(Message.of(article).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(article.id()).build())).subscribeAsCompletionStage();
    }

    /**
     * Waits for Kafka's acknowledgement. Only a record too large is refused for good: the producer
     * itself retries while the broker is away (for up to delivery.timeout.ms, a day). Anything else
     * fails the batch, and the channel's failure strategy (dead-letter-queue) takes it.
     *
     * @return why Kafka will never take the record, or null once it has it
     */
    private static String failureOf(CompletableFuture<Void> send) {
        try {
            send.join();
            return null;
        } catch (CompletionException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RecordTooLargeException) {
                    return "the enriched article is too large for Kafka: " + t.getMessage();
                }
            }
            throw e;
        }
    }
}
