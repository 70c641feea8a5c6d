package org.newspipeline.ingest.fetch;

import java.net.URI;
import java.nio.charset.Charset;

/** How one fetch of a page went. */
public sealed interface FetchResult {

    /** A web page, read from {@code finalUrl} after any redirects. */
    record Page(URI finalUrl, byte[] html, Charset charset) implements FetchResult {
    }

    /** The server says the page has not changed since we last read it. */
    record NotModified(URI finalUrl) implements FetchResult {
    }

    /**
     * @param status    the HTTP status, 0 when there was no response
     * @param retryable whether trying again later may succeed (timeouts, 5xx, 429, robots.txt unreachable)
     */
    record Failure(int status, String reason, boolean retryable) implements FetchResult {
    }
}
