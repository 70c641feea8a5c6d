package org.newspipeline.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An article as it arrived, published on {@code articles.raw} keyed by {@link #id()}.
 * Only {@code id}, {@code origin}, {@code receivedAt} and a non-blank {@code body} are required;
 * everything else is what the sender told us and may be null.
 *
 * @param origin where it came from: {@code inbox:<file name>}, {@code feed:<url>} or {@code http}
 * @param referenceDate the date a date without a year is resolved against (back-filling archives)
 * @param fetch         for a feed item, how fetching its page went: null when the page was fetched
 *                      (the body is the page's main text) or never tried; otherwise the body is the
 *                      feed's own text and this says why
 * @param outlet        for an item of a directory source, that source: who published it, by the directory's word
 */
public record RawArticle(
        int schemaVersion,
        String id,
        String origin,
        Instant receivedAt,
        Instant referenceDate,
        String title,
        String body,
        String url,
        String source,
        Instant publishedAt,
        String language,
        String author,
        List<String> categories,
        Fetch fetch,
        Outlet outlet) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CLOUD_EVENT_TYPE = "news.article.raw";

    public RawArticle {
        SchemaVersions.requireSupported(schemaVersion, SCHEMA_VERSION, "RawArticle");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("body must not be blank");
        }
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** An article whose body is what the sender gave (no page fetched for it). */
    public RawArticle(int schemaVersion, String id, String origin, Instant receivedAt, Instant referenceDate,
                      String title, String body, String url, String source, Instant publishedAt, String language,
                      String author, List<String> categories) {
        this(schemaVersion, id, origin, receivedAt, referenceDate, title, body, url, source, publishedAt, language,
                author, categories, null, null);
    }

    /** This article, with the outcome of fetching its page. */
    public RawArticle withFetch(Fetch outcome) {
        return new RawArticle(schemaVersion, id, origin, receivedAt, referenceDate, title, body, url, source, publishedAt,
                language, author, categories, outcome, outlet);
    }

    /** This article, as published by that directory source. */
    public RawArticle withOutlet(Outlet from) {
        return new RawArticle(schemaVersion, id, origin, receivedAt, referenceDate, title, body, url, source, publishedAt,
                language, author, categories, fetch, from);
    }

    /** The directory source an item was fetched for ({@link Source}): its id, name and kind. */
    public record Outlet(String sourceId, String name, Source.Kind kind, String country) {
    }

    /**
     * Why a feed item's page is not the body.
     *
     * @param status the HTTP status of the last attempt, 0 when there was no response (timeout,
     *               robots.txt, refused connection)
     * @param reason what happened, for people ("robots.txt disallows /private/", "Content-Type image/png")
     */
    public record Fetch(int status, String reason) {
    }
}
