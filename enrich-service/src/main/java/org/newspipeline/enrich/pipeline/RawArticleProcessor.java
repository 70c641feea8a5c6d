package org.newspipeline.enrich.pipeline;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.RawArticle;

/**
 * {@code articles.raw} to {@code articles.enriched}, keyed by article id. The raw record is
 * acknowledged once the enriched one is; a record that cannot be read or enriched goes to
 * {@code articles.raw.dlq} with the reason in its headers, and the consumer carries on.
 */
@ApplicationScoped
public class RawArticleProcessor {

    private final Enricher enricher;

    public RawArticleProcessor(Enricher enricher) {
        this.enricher = enricher;
    }

    @Incoming("raw-articles")
    @Outgoing("enriched-articles")
    @Blocking(value = "enrich-pool", ordered = false)
    public Record<String, EnrichedArticle> process(byte[] payload) {
        RawArticle raw = ContractJson.read(payload, RawArticle.class);
        return Record.of(raw.id(), enricher.enrich(raw));
    }
}
