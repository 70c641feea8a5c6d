package org.newspipeline.query.index;

/** OpenSearch could not do it now: it is away, busy or timed out. Trying again later may succeed. */
public class IndexUnavailableException extends RuntimeException {

    public IndexUnavailableException(Exception cause) {
        super("the search index is unavailable: " + cause.getMessage(), cause);
    }
}
