package org.newspipeline.enrich.support;

import org.newspipeline.enrich.entity.EntityCatalog;
import org.newspipeline.enrich.pipeline.Enricher;
import org.newspipeline.enrich.source.SourceRegistry;

import java.util.Optional;
import java.util.Set;

/** One enricher for every plain test in the JVM: the models load once (about 4 s). */
public final class TestEnricher {

    private static Enricher instance;

    private TestEnricher() {
    }

    public static synchronized Enricher get() {
        if (instance == null) {
            EntityCatalog catalog = EntityCatalog.load(Optional.empty());
            instance = Enricher.standard(SourceRegistry.bundled(), () -> catalog, Set.of("en", "de", "es", "fr"));
        }
        return instance;
    }
}
