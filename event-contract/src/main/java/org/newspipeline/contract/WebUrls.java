package org.newspipeline.contract;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Article links are data: an absolute {@code http} or {@code https} URL with a host, nothing else
 * ({@code javascript:}, {@code file:}, {@code data:} are never stored, followed or rendered as links).
 * Hosts are taken as real links carry them, international names and underscores included, which
 * {@link java.net.URI} does not read as hosts.
 */
public final class WebUrls {

    /** Scheme, optional user info, host, optional port, then a path, query or fragment; no white space or controls. */
    private static final Pattern WEB_URL = Pattern.compile(
            "(?i)https?://(?:[^/?#@\\s\\p{Cntrl}]*@)?([^/?#@:\\s\\p{Cntrl}\\[\\]]+|\\[[0-9a-f:.]+])(?::\\d{1,5})?(?:[/?#][^\\s\\p{Cntrl}]*)?");

    private WebUrls() {
    }

    public static boolean isWebUrl(String url) {
        return host(url).isPresent();
    }

    /** The host of a web URL, lower case and in its ASCII form; empty when it is not one. */
    public static Optional<String> host(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = WEB_URL.matcher(url.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(IDN.toASCII(m.group(1), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.of(m.group(1).toLowerCase(Locale.ROOT));
        }
    }

    /** Whether both are web URLs on the same host (a page may name its own address, not another site's). */
    public static boolean sameHost(String url, String other) {
        Optional<String> a = host(url);
        return a.isPresent() && a.equals(host(other));
    }
}
