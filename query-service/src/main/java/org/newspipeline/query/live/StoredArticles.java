package org.newspipeline.query.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The ids of each batch of new articles once searches can find them, for whoever listens (the live searches). */
@ApplicationScoped
public class StoredArticles {

    private final BroadcastProcessor<List<String>> batches = BroadcastProcessor.create();

    /** Called once a batch is searchable; returns at once (listeners do their work elsewhere). */
    public void stored(List<String> ids) {
        if (!ids.isEmpty()) {
            batches.onNext(List.copyOf(ids));
        }
    }

    /** Batches from now on; a slow listener drops batches rather than holding the indexer up. */
    public Multi<List<String>> batches() {
        return batches.onOverflow().drop();
    }
}
