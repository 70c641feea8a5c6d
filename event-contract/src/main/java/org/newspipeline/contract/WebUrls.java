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

    /** The same shape as {@link #WEB_URL}, in parts: scheme, user info, host, port, the rest. */
    private static final Pattern PARTS = Pattern.compile(
            "(?i)(https?)://([^/?#@\\s\\p{Cntrl}]*@)?([^/?#@:\\s\\p{Cntrl}\\[\\]]+|\\[[0-9a-f:.]+])(?::(\\d{1,5}))?([/?#][^\\s\\p{Cntrl}]*)?");

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

    /**
     * A web URL in the one form two spellings of it share, for URLs we keep and compare (a source's
     * feeds): scheme and host in lower case, an international host in its ASCII form, no trailing
     * dot on the host, no default port, no fragment, no empty query; path and query as written.
     *
     * @throws IllegalArgumentException saying why, for anything but an http(s) URL with a host, or
     *         one with a user name or password, or a port outside 1-65535
     */
    public static String normalize(String url) {
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) URL");
        }
        Matcher m = PARTS.matcher(url.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an http(s) URL");
        }
        if (m.group(2) != null) {
            throw new IllegalArgumentException("a user name or password in a URL is not kept");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String host = host(url).orElseThrow(() -> new IllegalArgumentException("not an http(s) URL"));
        host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String port = "";
        if (m.group(4) != null) {
            int n = Integer.parseInt(m.group(4));
            if (n < 1 || n > 65535) {
                throw new IllegalArgumentException("port " + n + " is not a port");
            }
            boolean standard = scheme.equals("http") && n == 80 || scheme.equals("https") && n == 443;
            port = standard ? "" : ":" + n;
        }
        String rest = m.group(5) == null ? "" : m.group(5);
        int hash = rest.indexOf('#');
        rest = hash < 0 ? rest : rest.substring(0, hash);
        rest = rest.endsWith("?") ? rest.substring(0, rest.length() - 1) : rest;
        return scheme + "://" + host + port + (rest.isEmpty() ? "/" : rest);
    }

    /** Whether both are web URLs on the same host (a page may name its own address, not another site's). */
    public static boolean sameHost(String url, String other) {
        Optional<String> a = host(url);
        return a.isPresent() && a.equals(host(other));
    }
}
