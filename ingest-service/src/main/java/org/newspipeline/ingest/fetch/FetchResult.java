package org.newspipeline.ingest.fetch;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.nio.charset.Charset;

/** How one fetch of a page, feed or sitemap went. */
public sealed interface FetchResult {

    /**
     * A document (a web page, a feed, a sitemap), read from {@code finalUrl} after any redirects.
     *
     * @param headers the response's, for what a poller adapts to (ETag, Cache-Control, Content-Type)
     */
    record Page(URI finalUrl, byte[] html, Charset charset, HttpHeaders headers) implements FetchResult {
        public Page(URI finalUrl, byte[] html, Charset charset) {
            this(finalUrl, html, charset, HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
        }
    }

    /** The server says the page has not changed since we last read it. */
    record NotModified(URI finalUrl) implements FetchResult {
    }

    /**
     * @param status    the HTTP status, 0 when there was no response
     * @param retryable whether trying again later may succeed (timeouts, 5xx, 429, robots.txt unreachable)
     * @param retryAfter how long the server asked us to wait (429, 503 with Retry-After in seconds), or null
     */
    record Failure(int status, String reason, boolean retryable, Duration retryAfter) implements FetchResult {
        public Failure(int status, String reason, boolean retryable) {
            this(status, reason, retryable, null);
        }
    }
}
