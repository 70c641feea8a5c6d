package org.newspipeline.query.search;

/** A query parameter that cannot be used as given: answered with 400 and what is wrong. */
public class BadParameterException extends RuntimeException {
    public BadParameterException(String message) {
        super(message);
    }
}
