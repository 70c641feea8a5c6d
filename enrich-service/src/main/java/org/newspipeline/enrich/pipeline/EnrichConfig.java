package org.newspipeline.enrich.pipeline;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Settings of enrich-service; each has an environment override (ENRICH_SOURCES_FILE, ...). */
@ConfigMapping(prefix = "enrich")
public interface EnrichConfig {

    /** A source registry to use instead of the bundled one (same JSON form as sources.json). */
    Optional<Path> sourcesFile();

    /** Entities added to the bundled catalog (same JSON form as entities.json). */
    Optional<Path> entitiesFile();

    /**
     * Languages whose entity model may be loaded (of en, de, es, fr); an article in another gets
     * no entities. Each model loaded costs heap (sizes: docs/benchmarks.md, "Memory").
     */
    Set<String> entityLanguages();

    /** Articles enriched at once (ENRICH_WORKERS); entity recognition takes a core each. Default: one per core. */
    Optional<Integer> workers();

    /**
     * How long one article may take (ENRICH_ARTICLE_TIMEOUT). A story takes milliseconds and the
     * largest article a few seconds; one that runs over is dead-lettered, so that no text can stop
     * the consumer, and its worker is replaced.
     */
    Duration articleTimeout();
}
