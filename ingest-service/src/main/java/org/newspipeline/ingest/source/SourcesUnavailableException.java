package org.newspipeline.ingest.source;

/** The directory could not be written (the broker is away): 503, try again. */
public class SourcesUnavailableException extends RuntimeException {
    public SourcesUnavailableException(Throwable cause) {
        super("the source directory cannot be written now: " + cause.getMessage(), cause);
    }
}
