package org.newspipeline.enrich.pipeline;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/** Settings of enrich-service; each has an environment override (ENRICH_SOURCES_FILE, ...). */
@ConfigMapping(prefix = "enrich")
public interface EnrichConfig {

    /** A source registry to use instead of the bundled one (same JSON form as sources.json). */
    Optional<Path> sourcesFile();

    /** Entities added to the bundled catalog (same JSON form as entities.json). */
    Optional<Path> entitiesFile();
}
