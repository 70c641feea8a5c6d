package org.newspipeline.ingest.format;

import java.util.Locale;
import java.util.Optional;

/** The forms an article arrives in, by file extension or media type. */
public enum ArticleFormat {
    TEXT("txt", "text/plain"),
    JSON("json", "application/json"),
    NDJSON("ndjson", "application/x-ndjson"),
    HTML("html", "text/html");

    private final String extension;
    private final String mediaType;

    ArticleFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<ArticleFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".htm")) {
            return Optional.of(HTML);
        }
        for (ArticleFormat f : values()) {
            if (lower.endsWith("." + f.extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
