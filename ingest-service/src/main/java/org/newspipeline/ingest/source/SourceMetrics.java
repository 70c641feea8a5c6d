package org.newspipeline.ingest.source;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.newspipeline.contract.FeedStatus;
import org.newspipeline.contract.Source;

/**
 * {@code ingest_sources{health=...}}: the directory's sources by health (paused ones apart), and
 * {@code ingest_sources_owned}: how many this replica polls. An alert on failing or silent
 * sources reads the first.
 */
@ApplicationScoped
public class SourceMetrics {

    private final SourceDirectory directory;
    private final SourceTopics topics;
    private final SourceOwnership ownership;
    private final MeterRegistry registry;

    public SourceMetrics(SourceDirectory directory, SourceTopics topics, SourceOwnership ownership, MeterRegistry registry) {
        this.directory = directory;
        this.topics = topics;
        this.ownership = ownership;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        for (FeedStatus.Health health : FeedStatus.Health.values()) {
            Gauge.builder("ingest.sources", () -> topics.sources().stream()
                            .filter(s -> !s.paused() && directory.health(s) == health).count())
                    .tag("health", health.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Active sources in the directory by the health of their feeds").register(registry);
        }
        Gauge.builder("ingest.sources.paused", () -> topics.sources().stream().filter(Source::paused).count())
                .description("Paused sources in the directory").register(registry);
        Gauge.builder("ingest.sources.owned", () -> topics.sources().stream().filter(ownership::owns).count())
                .description("Sources this replica polls").register(registry);
    }
}
