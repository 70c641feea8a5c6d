package org.newspipeline.ingest.source;

import java.util.List;

/**
 * A source as a client writes it. Only {@code homepage} is required: a source created from a
 * homepage alone has its name, language, feeds and sitemaps discovered.
 *
 * @param id           letters, digits and hyphens; made from the homepage's host when absent
 * @param kind         agency, outlet, government, blog, organization or other, in any case
 * @param perHostDelay seconds between two requests to the source's hosts (0 to 3600); the service's default when absent
 */
public record SourceRequest(String id, String name, String homepage, String country, String language, String kind,
                            List<String> feeds, List<String> sitemaps, Integer perHostDelay, Boolean paused) {

    public static SourceRequest of(String homepage) {
        return new SourceRequest(null, null, homepage, null, null, null, null, null, null, null);
    }
}
