package org.newspipeline.ingest.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.ingest.config.IngestConfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one page the way a polite crawler does: robots.txt asked before every hop, redirects
 * followed by hand (at most five), conditional GET for pages read before, and limits on time,
 * size and Content-Type. Politeness between requests (one at a time per host, a delay) is the
 * caller's, {@link PageFetches}.
 */
@ApplicationScoped
public class PageFetcher {

    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_VALIDATORS = 10_000;
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");

    private final IngestConfig.Fetch config;
    private final RobotsRules robots;
    private final HttpClient http;
    private final String userAgent;
    /** ETag and Last-Modified of pages read, for conditional GET when a feed lists them again. */
    private final Map<URI, Validators> validators = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<URI, Validators> eldest) {
            return size() > MAX_VALIDATORS;
        }
    });

    /** ETag and Last-Modified of a document read before, for a conditional GET. */
    public record Validators(String etag, String lastModified) {
        public static final Validators NONE = new Validators(null, null);
    }

    /** What is asked for, and which media types are taken as it. */
    public enum Accept {
        PAGE("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1", java.util.Set.of("text/html", "application/xhtml+xml")),
        /** Feeds and sitemaps: servers label them every which way (text/html included), so any type is read. */
        XML("application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1", null);

        private final String header;
        private final java.util.Set<String> mediaTypes;

        Accept(String header, java.util.Set<String> mediaTypes) {
            this.header = header;
            this.mediaTypes = mediaTypes;
        }

        boolean takes(String mediaType) {
            return mediaTypes == null || mediaType.isEmpty() || mediaTypes.contains(mediaType);
        }
    }

    public PageFetcher(IngestConfig config, RobotsRules robots) {
        this.config = config.fetch();
        this.robots = robots;
        this.http = client(this.config, HttpClient.Redirect.NEVER);
        this.userAgent = userAgent(this.config);
    }

    /** The one way our HTTP clients are made, so robots.txt and pages go the same way (through the proxy, if any). */
    static HttpClient client(IngestConfig.Fetch config, HttpClient.Redirect redirects) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(redirects);
        config.proxy().ifPresent(p -> builder.proxy(java.net.ProxySelector.of(
                new java.net.InetSocketAddress(p.getHost(), p.getPort() < 0 ? 80 : p.getPort()))));
        return builder.build();
    }

    /**
     * Sends and waits at most {@code timeout} for the headers, whatever the client's own timeouts
     * cover (they do not cover every phase, e.g. a proxy that never answers a CONNECT).
     */
    public static HttpResponse<InputStream> send(HttpClient http, java.net.http.HttpRequest request, Duration timeout)
            throws IOException, InterruptedException {
        var pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            pending.cancel(true);
            throw new java.net.http.HttpTimeoutException("no answer within " + timeout.toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    public static String userAgent(IngestConfig.Fetch config) {
        return config.agent() + "/1.0" + config.contactUrl().filter(u -> !u.isBlank()).map(u -> " (+" + u + ")").orElse("");
    }

    /** A web page, conditionally when it was read before. */
    public FetchResult fetch(URI url) {
        return fetch(url, Accept.PAGE, validators.getOrDefault(url, Validators.NONE));
    }

    /** A document of that kind, conditionally on what the caller remembers of it. */
    public FetchResult fetch(URI url, Accept accept, Validators known) {
        URI at = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!isWeb(at)) {
                return new FetchResult.Failure(0, "not an http(s) link: " + at.getScheme(), false);
            }
            if (mayNotReach(config, at)) {
                return new FetchResult.Failure(0, at.getHost() + " is a private or local address", false);
            }
            Optional<FetchResult.Failure> refused = robots.refusal(at);
            if (refused.isPresent()) {
                return refused.get();
            }
            FetchResult.Failure failure;
            try {
                HttpResponse<InputStream> response = send(http, request(at, accept, at.equals(url) ? known : Validators.NONE),
                        config.timeout());
                int status = response.statusCode();
                if (status >= 300 && status < 400 && status != 304) {
                    response.body().close();
                    Optional<String> location = response.headers().firstValue("Location");
                    if (location.isEmpty()) {
                        return new FetchResult.Failure(status, "redirect without a Location", false);
                    }
                    at = at.resolve(location.get().strip());
                    continue;
                }
                return read(at, response, accept);
            } catch (IllegalArgumentException e) {
                return new FetchResult.Failure(0, "bad redirect target: " + e.getMessage(), false);
            } catch (java.net.http.HttpTimeoutException e) {
                failure = new FetchResult.Failure(0, "no answer within " + config.timeout().toSeconds() + " s", true);
            } catch (IOException e) {
                failure = new FetchResult.Failure(0, e.getClass().getSimpleName() + ": " + e.getMessage(), true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new FetchResult.Failure(0, "interrupted", true);
            }
            return failure;
        }
        return new FetchResult.Failure(0, "more than " + MAX_REDIRECTS + " redirects", false);
    }

    private java.net.http.HttpRequest request(URI url, Accept accept, Validators known) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(url).timeout(config.timeout())
                .header("User-Agent", userAgent)
                .header("Accept", accept.header)
                .GET();
        if (known.etag() != null) {
            request.header("If-None-Match", known.etag());
        }
        if (known.lastModified() != null) {
            request.header("If-Modified-Since", known.lastModified());
        }
        return request.build();
    }

    private FetchResult read(URI url, HttpResponse<InputStream> response, Accept accept) throws IOException {
        int status = response.statusCode();
        try (InputStream body = response.body()) {
            if (status == 304) {
                return new FetchResult.NotModified(url);
            }
            if (status != 200) {
                boolean retryable = status == 408 || status == 429 || status >= 500;
                return new FetchResult.Failure(status, "HTTP " + status, retryable, retryAfter(response));
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (!accept.takes(mediaType)) {
                return new FetchResult.Failure(status, "Content-Type " + mediaType + " is not a web page", false);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > config.maxBytes()) {
                return tooLarge(status);
            }
            byte[] html = BoundedBody.read(body, config.maxBytes() + 1L, config.timeout());
            if (html == null) {
                return new FetchResult.Failure(status, "body took longer than " + config.timeout().toSeconds() + " s", true);
            }
            if (html.length > config.maxBytes()) {
                return tooLarge(status);
            }
            if (accept == Accept.PAGE) {
                validators.put(url, new Validators(response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null)));
            }
            return new FetchResult.Page(url, html, charset(contentType), response.headers());
        }
    }

    /** Retry-After in seconds (the date form is rare enough to be read as absent). */
    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").filter(v -> v.strip().matches("\\d{1,9}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.strip()))).orElse(null);
    }

    private FetchResult.Failure tooLarge(int status) {
        return new FetchResult.Failure(status, "larger than " + config.maxBytes() + " bytes", false);
    }

    private static Charset charset(String contentType) {
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** Whether the address is one of our own network's and we may not go there (no proxy decides for us). */
    static boolean mayNotReach(IngestConfig.Fetch config, URI url) {
        return !config.allowPrivateHosts() && config.proxy().isEmpty() && isPrivate(url);
    }

    /** A feed cannot send us to our own network: loopback, private, link-local (cloud metadata) addresses. */
    static boolean isPrivate(URI url) {
        try {
            for (java.net.InetAddress address : java.net.InetAddress.getAllByName(url.getHost())) {
                if (isPrivate(address)) {
                    return true;
                }
            }
            return false;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /**
     * Loopback, private (RFC 1918), carrier-grade NAT (100.64/10), link-local, unique-local IPv6
     * (fc00::/7), any-local, multicast, and an IPv4 address of those kinds mapped into IPv6.
     */
    static boolean isPrivate(java.net.InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16 && isMappedIpv4(b)) {
            try {
                return isPrivate(java.net.InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
            } catch (java.net.UnknownHostException e) {
                return true;
            }
        }
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()
                || b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64
                || b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }

    private static boolean isMappedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static boolean isWeb(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null;
    }
}
