package org.newspipeline.localstack;

/** Stops PostgreSQL abruptly and starts it again on the same port and data, for tests of what happens while it is away. */
public interface DatabaseControl {

    /** An immediate shutdown: no checkpoint, crash recovery at the next start. */
    void stopImmediately();

    void start();
}
