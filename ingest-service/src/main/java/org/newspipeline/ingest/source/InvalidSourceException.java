package org.newspipeline.ingest.source;

/** A source the directory cannot take, with the field that is wrong (400) or the conflict (409). */
public class InvalidSourceException extends RuntimeException {

    private final int status;

    public InvalidSourceException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
