package org.newspipeline.deadletter;

/** Kafka could not take a record now; nothing was lost, the caller tries again. */
public class DeadLettersUnavailableException extends RuntimeException {
    public DeadLettersUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
