package org.newspipeline.deadletter;

import io.smallrye.config.ConfigMapping;

/** Which dead-letter topic a service owns (DEAD_LETTERS_TOPIC, DEAD_LETTERS_SOURCE_TOPIC, ...). */
@ConfigMapping(prefix = "dead-letters")
public interface DeadLetterConfig {

    /** Where this service's poison records go, e.g. {@code articles.raw.dlq}. */
    String topic();

    /** The topic this service consumes, where a redrive puts the records back. */
    String sourceTopic();

    /** The consumer group that remembers how far the dead-letter topic has been redriven. */
    String redriveGroup();
}
