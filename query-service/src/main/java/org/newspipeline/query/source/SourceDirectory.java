package org.newspipeline.query.source;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newspipeline.contract.ClientSettings;
import org.newspipeline.contract.FeedStatus;
import org.newspipeline.contract.Source;
import org.newspipeline.contract.SourceHealth;
import org.newspipeline.contract.SourceRecords;
import org.newspipeline.contract.TopicFollower;
import org.newspipeline.contract.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The source directory ingest-service keeps, as the search site shows it: the compacted topics
 * {@code sources} and {@code sources.state} read whole and followed (ingest-service writes them),
 * so the page needs no call to ingest-service.
 */
@ApplicationScoped
public class SourceDirectory {

    private final Map<String, Object> kafka;
    private final SourceRecords records = new SourceRecords();
    private TopicFollower follower;

    public SourceDirectory(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    void start(@Observes StartupEvent event) {
        follower = TopicFollower.start("source-directory", ClientSettings.of(kafka, Map.of()),
                List.of(Topics.SOURCES, Topics.SOURCE_STATE), Duration.ofSeconds(10), this::apply);
    }

    void stop(@Observes ShutdownEvent event) {
        if (follower != null) {
            follower.close();
        }
    }

    /** Every source with its health, the worst first, then by name; {@code health} filters when not null. */
    public List<SourceHealth> list(FeedStatus.Health health) {
        List<SourceHealth> all = new ArrayList<>();
        for (Source source : records.sources()) {
            SourceHealth h = records.health(source);
            if (health == null || h.health() == health) {
                all.add(h);
            }
        }
        all.sort(Comparator.comparing((SourceHealth h) -> h.health() == FeedStatus.Health.OK)
                .thenComparing(h -> h.source().name().toLowerCase(Locale.ROOT)));
        return all;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.topic().equals(Topics.SOURCES)) {
            records.applySource(record);
        } else if (record.key().startsWith("feed:")) {
            records.applyFeed(record.key().substring("feed:".length()), record.value());
        }
    }
}
