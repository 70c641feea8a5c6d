package org.newspipeline.ingest.article;

/** Kafka could not take the article now: the caller should try again later. */
public class PublishFailedException extends RuntimeException {
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
