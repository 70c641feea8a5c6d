package org.newspipeline.localstack;

/** Stops and starts the broker on the same port and log, for tests of what happens while it is away. */
public interface KafkaControl {

    void stop();

    void start();
}
