package org.newspipeline.ingest.article;

/** Input that can never become an article, with the field or line that is wrong. */
public class InvalidArticleException extends RuntimeException {

    private final int status;

    public InvalidArticleException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static InvalidArticleException badRequest(String message) {
        return new InvalidArticleException(400, message);
    }

    public int status() {
        return status;
    }
}
