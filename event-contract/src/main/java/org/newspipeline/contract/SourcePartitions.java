package org.newspipeline.contract;

import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;

/**
 * Which partition of {@link Topics#SOURCES} and {@link Topics#SOURCE_STATE} a source lives in:
 * its host's, by Kafka's own hash, so every source of one host (and the state of its feeds) goes
 * to the same replica, which keeps that host's politeness alone.
 */
public final class SourcePartitions {

    private SourcePartitions() {
    }

    public static int of(String host, int partitions) {
        return Utils.toPositive(Utils.murmur2(host.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
