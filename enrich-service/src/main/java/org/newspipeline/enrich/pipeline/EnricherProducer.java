package org.newspipeline.enrich.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.newspipeline.enrich.catalog.LiveCatalog;
import org.newspipeline.enrich.source.SourceRegistry;

/** Loads the registry and the models once, at start-up. */
public class EnricherProducer {

    @Produces
    @ApplicationScoped
    Enricher enricher(EnrichConfig config, LiveCatalog catalog) {
        SourceRegistry registry = config.sourcesFile().map(SourceRegistry::fromFile).orElseGet(SourceRegistry::bundled);
        return Enricher.standard(registry, catalog, config.entityLanguages());
    }
}
