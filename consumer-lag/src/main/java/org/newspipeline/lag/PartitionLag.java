package org.newspipeline.lag;

/** How far one group is behind on one partition: records between its committed offset and the end. */
public record PartitionLag(String group, String topic, int partition, long committed, long end, long lag) {
}
