package org.newspipeline.lag;

import java.time.Instant;
import java.util.List;

/**
 * The last reading of every watched group's lag.
 *
 * @param at         when it was read; null before the first reading
 * @param partitions per group and partition (partitions a group never committed on are not listed)
 * @param problem    why the latest attempt failed (Kafka away), or null
 */
public record Lag(Instant at, List<PartitionLag> partitions, String problem) {
}
