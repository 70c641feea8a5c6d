package org.newspipeline.enrich.catalog;

/** Kafka could not take a correction now: the caller may try again (503). */
public class CatalogUnavailableException extends RuntimeException {
    public CatalogUnavailableException(Throwable cause) {
        super("the catalog topic cannot take corrections now: " + cause.getMessage(), cause);
    }
}
