package org.newspipeline.query.materialize;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.query.article.ArticleStore;

/**
 * Materializes {@code articles.enriched}. A record with no value (a tombstone) deletes its article.
 * A record that is not a valid enriched article throws, which sends it to
 * {@code articles.enriched.dlq} with the reason; the consumer carries on.
 */
@ApplicationScoped
public class EnrichedArticleConsumer {

    private static final Logger LOG = Logger.getLogger(EnrichedArticleConsumer.class);

    private final ArticleStore store;

    public EnrichedArticleConsumer(ArticleStore store) {
        this.store = store;
    }

    @Incoming("enriched-articles")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            if (record.key() == null) {
                throw new IllegalArgumentException("a tombstone without a key names no article");
            }
            LOG.debugf("article %s %s", record.key(), store.delete(record.key()) ? "deleted" : "already absent");
            return;
        }
        EnrichedArticle article = ContractJson.read(record.value(), EnrichedArticle.class);
        boolean changed = store.upsert(article);
        LOG.debugf("article %s %s", article.id(), changed ? "stored" : "unchanged");
    }
}
