package org.newspipeline.enrich.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.newspipeline.contract.Backoff;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.InvalidPayloadException;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.deadletter.DeadLetters;
import org.newspipeline.trace.ArticleTraces;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code articles.raw} to {@code articles.enriched}, keyed by article id, a polled batch at a time:
 * enriched on every core, published in order, and acknowledged (its offsets committed) only once
 * Kafka has every enriched record. A record that is not a valid raw article, that the enricher fails
 * on, or whose enrichment Kafka can never take (too large), goes to {@code articles.raw.dlq} with
 * the reason, and the rest of the batch carries on.
 */
@ApplicationScoped
public class RawArticleProcessor {

    private static final Logger LOG = Logger.getLogger(RawArticleProcessor.class);

    /** Room for a whole polled batch (max.poll.records) on its way to the producer. */
    static final int IN_FLIGHT = 1024;

    private record Enrichment(ConsumerRecord<String, byte[]> record, RawArticle raw) {
    }

    private final ParallelEnricher enricher;
    private final DeadLetters deadLetters;
    private final MutinyEmitter<EnrichedArticle> enriched;
    private final ArticleTraces traces;
    /** Time per article, enriched and published or dead-lettered (news_enrich_seconds{outcome}). */
    private final Timer enrichedTime;
    private final Timer failedTime;

    public RawArticleProcessor(ParallelEnricher enricher, DeadLetters deadLetters,
                               @Channel("enriched-articles") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = IN_FLIGHT)
                               MutinyEmitter<EnrichedArticle> enriched, ArticleTraces traces, MeterRegistry metrics) {
        this.enricher = enricher;
        this.deadLetters = deadLetters;
        this.enriched = enriched;
        this.traces = traces;
        this.enrichedTime = enrichTimer(metrics, "enriched");
        this.failedTime = enrichTimer(metrics, "dead-lettered");
    }

    private static Timer enrichTimer(MeterRegistry metrics, String outcome) {
        return Timer.builder("news.enrich").description("time a worker spent enriching an article")
                .tag("outcome", outcome).publishPercentileHistogram().register(metrics);
    }

    @Incoming("raw-articles")
    @Blocking
    public void process(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        List<Enrichment> valid = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                valid.add(new Enrichment(record, ContractJson.read(record.value(), RawArticle.class)));
            } catch (InvalidPayloadException e) {
                deadLetters.sendWhenAvailable(record, e.getMessage());
            }
        }
        List<Span> spans = valid.stream().map(v -> traces.start("enrich", v.record())).toList();
        try {
            enrichAndPublish(valid, spans);
        } finally {
            spans.forEach(Span::end); // ending an ended span does nothing
        }
    }

    private void enrichAndPublish(List<Enrichment> valid, List<Span> spans) throws InterruptedException {
        List<ParallelEnricher.Result> results = enricher.enrichAll(valid.stream().map(Enrichment::raw).toList());
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            EnrichedArticle article = results.get(i).article();
            sends.add(article == null ? CompletableFuture.completedFuture(null) : send(article, spans.get(i)));
        }
        for (int i = 0; i < valid.size(); i++) {
            ParallelEnricher.Result r = results.get(i);
            String failure = r.failure() != null ? r.failure() : untilSent(r.article(), spans.get(i), sends.get(i));
            if (failure != null) {
                // A bug the text brings out, or an article Kafka never takes: it waits in the DLQ for a fix and a redrive.
                deadLetters.sendWhenAvailable(valid.get(i).record(), failure);
                spans.get(i).setStatus(StatusCode.ERROR, failure);
            }
            spans.get(i).end();
            (failure == null ? enrichedTime : failedTime).record(r.nanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Sends the enrichment; its publish span, and so the record's trace context, follows the article's enrich span. */
    private CompletableFuture<Void> send(EnrichedArticle article, Span span) {
        return enriched.sendMessage(Message.of(article)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(article.id()).build())
                .addMetadata(TracingMetadata.withCurrent(Context.root().with(span))))
                .subscribeAsCompletionStage();
    }

    /**
     * Waits for Kafka's acknowledgement. This record's own faults are final: too large, or not
     * serializable. Any other failure is the service's or the broker's (away, refusing our
     * credentials or the topic, out of memory), not the record's: the producer itself waits for a
     * broker that is away (delivery.timeout.ms, a day), and after that the record is sent again
     * after a pause ({@link Backoff#KAFKA}) for as long as it takes. The batch is never given up,
     * so none of its healthy records is dead-lettered with it.
     *
     * @return why Kafka will never take the record, or null once it has it
     */
    private String untilSent(EnrichedArticle article, Span span, CompletableFuture<Void> send) throws InterruptedException {
        for (int failures = 1; ; failures++) {
            try {
                send.join();
                return null;
            } catch (CompletionException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof RecordTooLargeException) {
                        return "the enriched article is too large for Kafka: " + t.getMessage();
                    }
                    if (t instanceof SerializationException) {
                        return "the enriched article cannot be serialized: " + t.getMessage();
                    }
                }
                LOG.warnf("sending enrichment %s failed (%s); trying again in %d ms", article.id(), e.getCause(),
                        Backoff.KAFKA.after(failures).toMillis());
                Backoff.KAFKA.sleepAfter(failures);
                send = send(article, span);
            }
        }
    }
}
