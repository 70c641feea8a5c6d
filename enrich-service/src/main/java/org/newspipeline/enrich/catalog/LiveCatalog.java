package org.newspipeline.enrich.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.contract.CatalogEntry;
import org.newspipeline.enrich.entity.EntityCatalog;
import org.newspipeline.enrich.pipeline.EnrichConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The entity catalog as it stands: the bundled one (plus the user file) with every correction read
 * from {@code entities.catalog} laid over it in order. Corrections make a new snapshot, so an
 * enrichment in progress keeps the catalog it started with.
 */
@ApplicationScoped
public class LiveCatalog implements Supplier<EntityCatalog> {

    private final List<CatalogEntry> history = new ArrayList<>();
    private volatile EntityCatalog current;

    @jakarta.inject.Inject
    public LiveCatalog(EnrichConfig config) {
        this(EntityCatalog.load(config.entitiesFile()));
    }

    LiveCatalog(EntityCatalog bundled) {
        this.current = bundled;
    }

    @Override
    public EntityCatalog get() {
        return current;
    }

    /** Corrections in the order they were written: each batch makes one new snapshot, not one per entry. */
    synchronized void apply(List<CatalogEntry> entries) {
        if (!entries.isEmpty()) {
            history.addAll(entries);
            current = current.withCorrections(entries);
        }
    }

    /** Every correction read, newest first (what compaction of the topic left of older ones). */
    synchronized List<CatalogEntry> history() {
        List<CatalogEntry> newestFirst = new ArrayList<>(history);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }
}
