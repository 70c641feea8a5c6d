package org.newspipeline.enrich.support;

import org.newspipeline.enrich.entity.EntityCatalog;
import org.newspipeline.enrich.pipeline.EnrichConfig;
import org.newspipeline.enrich.pipeline.Enricher;
import org.newspipeline.enrich.pipeline.ParallelEnricher;
import org.newspipeline.enrich.source.SourceRegistry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** One enricher for every plain test in the JVM: the models load once. */
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

    /** About 3 s warm (HostileTextTest): a text that runs over a small time limit. */
    public static final String SLOW_TEXT = "Abc. ".repeat(50_000);

    /** The service's worker pool in small: one worker, and {@code timeout} per article. */
    public static ParallelEnricher oneWorker(Duration timeout) {
        return new ParallelEnricher(get(), new EnrichConfig() {
            public Optional<Path> sourcesFile() {
                return Optional.empty();
            }

            public Optional<Path> entitiesFile() {
                return Optional.empty();
            }

            public Set<String> entityLanguages() {
                return Set.of("en");
            }

            public Optional<Integer> workers() {
                return Optional.of(1);
            }

            public Duration articleTimeout() {
                return timeout;
            }
        });
    }
}
