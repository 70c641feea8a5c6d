package org.newspipeline.query.alert;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs webhooks may be posted to: http(s) with a host, no user info, and (unless
 * {@code query.alerts.allow-private-targets}) no address of this machine or a private network,
 * checked when a search is saved and again before each delivery (a name may move). The post
 * resolves the name once more; the JVM's address cache makes that the answer checked, except across
 * the cache's expiry, so where receivers are not trusted, route webhooks through an egress proxy.
 */
@ApplicationScoped
public class WebhookTargets {

    static final int MAX_URL_CHARS = 2048;

    private final boolean allowPrivate;

    public WebhookTargets(AlertConfig config) {
        this.allowPrivate = config.allowPrivateTargets();
    }

    /** @return why the URL is refused, or empty when webhooks may go there */
    public Optional<String> refusal(String url) {
        if (url.length() > MAX_URL_CHARS) {
            return Optional.of("is longer than " + MAX_URL_CHARS + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of("must name a host, without user info");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isPrivate(address)) {
                    return Optional.of("leads to a loopback, private or link-local address (" + address.getHostAddress() + ")");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (!(a instanceof Inet6Address)) {
            return isPrivate4(b, 0);
        }
        if ((b[0] & 0xfe) == 0xfc || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)) {
            return true; // unique local fc00::/7; Teredo 2001::/32 (its IPv4 address is hidden)
        }
        // Forms that carry an IPv4 address a dual-stack socket reaches: ::a.b.c.d, ::ffff:a.b.c.d
        // (as a resolver can answer them), NAT64 64:ff9b::/96 and 6to4 2002::/16.
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        if (zeros && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
            return isPrivate4(b, 12);
        }
        if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
            return isPrivate4(b, 12);
        }
        return b[0] == 0x20 && b[1] == 0x02 && isPrivate4(b, 2);
    }

    /** The IPv4 address at {@code b[at..at+3]} is this machine's, a private network's, or not a host's. */
    private static boolean isPrivate4(byte[] b, int at) {
        int x = b[at] & 0xff;
        int y = b[at + 1] & 0xff;
        return x == 0 || x == 10 || x == 127 || x >= 224 // this network, private, loopback, multicast and reserved
                || (x == 100 && (y & 0xc0) == 64) // carrier-grade NAT 100.64.0.0/10
                || (x == 169 && y == 254) || (x == 172 && (y & 0xf0) == 16) || (x == 192 && y == 168)
                || (x == 192 && y == 0 && (b[at + 2] & 0xff) == 0) // IETF protocol assignments 192.0.0.0/24
                || (x == 198 && (y & 0xfe) == 18); // benchmarking 198.18.0.0/15
    }
}
