package org.newspipeline.ingest.format;

import java.util.Locale;
import java.util.Optional;

/** The forms an article arrives in, by file extension. */
public enum ArticleFormat {
    TEXT("txt"),
    JSON("json"),
    NDJSON("ndjson"),
    HTML("html");

    private final String extension;

    ArticleFormat(String extension) {
        this.extension = extension;
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
