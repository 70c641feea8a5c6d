package org.newspipeline.contract;

/** A Kafka record value that is not a valid payload: consumers send it to the dead-letter topic. */
public class InvalidPayloadException extends RuntimeException {
    public InvalidPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
