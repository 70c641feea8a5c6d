package org.newspipeline.contract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Article links are data: an absolute {@code http} or {@code https} URL with a host, nothing else
 * ({@code javascript:}, {@code file:}, {@code data:} are never stored, followed or rendered as links).
 */
public final class WebUrls {

    private WebUrls() {
    }

    public static boolean isWebUrl(String url) {
        return parse(url).isPresent();
    }

    /** @return the URL when it is an absolute http(s) URL with a host */
    public static Optional<URI> parse(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty()
                    ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether both are web URLs on the same host (a page may name its own address, not another site's). */
    public static boolean sameHost(String url, String other) {
        Optional<URI> a = parse(url);
        Optional<URI> b = parse(other);
        return a.isPresent() && b.isPresent() && a.get().getHost().equalsIgnoreCase(b.get().getHost());
    }
}
