package org.newspipeline.ingest.source;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.newspipeline.contract.FeedStatus;
import org.newspipeline.contract.Source;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ingest_sources{health=...}}: the directory's active sources by health, and
 * {@code ingest_sources_paused} and {@code ingest_sources_owned} (those this replica polls). An
 * alert on failing or silent sources reads the first. Counted once per scrape however many gauges
 * read them.
 */
@ApplicationScoped
public class SourceMetrics {

    private static final long FRESH_NANOS = 5_000_000_000L;

    private record Counts(Map<FeedStatus.Health, Long> byHealth, long paused, long owned, long at) {
    }

    private final SourceTopics topics;
    private final SourceOwnership ownership;
    private final MeterRegistry registry;
    private volatile Counts counts;

    public SourceMetrics(SourceTopics topics, SourceOwnership ownership, MeterRegistry registry) {
        this.topics = topics;
        this.ownership = ownership;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        for (FeedStatus.Health health : FeedStatus.Health.values()) {
            Gauge.builder("ingest.sources", () -> counts().byHealth().getOrDefault(health, 0L))
                    .tag("health", health.name().toLowerCase(Locale.ROOT))
                    .description("Active sources in the directory by the health of their feeds").register(registry);
        }
        Gauge.builder("ingest.sources.paused", () -> counts().paused()).description("Paused sources in the directory")
                .register(registry);
        Gauge.builder("ingest.sources.owned", () -> counts().owned()).description("Sources this replica polls")
                .register(registry);
    }

    private Counts counts() {
        Counts known = counts;
        if (known != null && System.nanoTime() - known.at() < FRESH_NANOS) {
            return known;
        }
        Map<FeedStatus.Health, Long> byHealth = new EnumMap<>(FeedStatus.Health.class);
        long paused = 0;
        long owned = 0;
        var partitions = ownership.owned();
        for (Source source : topics.sources()) {
            if (source.paused()) {
                paused++;
            } else {
                byHealth.merge(topics.health(source).health(), 1L, Long::sum);
            }
            owned += partitions.contains(topics.partitionOf(source)) ? 1 : 0;
        }
        counts = new Counts(byHealth, paused, owned, System.nanoTime());
        return counts;
    }
}
