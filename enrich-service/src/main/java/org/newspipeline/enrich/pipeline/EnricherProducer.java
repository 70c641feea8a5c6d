package org.newspipeline.enrich.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.newspipeline.enrich.entity.CrfEntityRecognizer;
import org.newspipeline.enrich.entity.EntityCatalog;
import org.newspipeline.enrich.entity.EntityResolver;
import org.newspipeline.enrich.language.LanguageDetector;
import org.newspipeline.enrich.source.SourceRegistry;

/** Loads the registry and the models once, at start-up. */
public class EnricherProducer {

    @Produces
    @ApplicationScoped
    Enricher enricher(EnrichConfig config) {
        SourceRegistry registry = config.sourcesFile().map(SourceRegistry::fromFile).orElseGet(SourceRegistry::bundled);
        return new Enricher(registry, LanguageDetector.load(), CrfEntityRecognizer.load(),
                new EntityResolver(EntityCatalog.load(config.entitiesFile())));
    }
}
