package org.newspipeline.ingest.fetch;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Web sites without the internet: one local server that answers as any host when used as the
 * fetcher's HTTP proxy (requests arrive as {@code GET http://host/path}), and directly for the
 * feeds. Every request is logged with how many were in flight for its host at once.
 */
public final class LocalWeb {

    /** An answer; {@code delay} holds it back (a slow host). */
    public record Answer(int status, String contentType, byte[] body, Map<String, String> headers, Duration delay) {
        public static Answer html(String html) {
            return new Answer(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of(), Duration.ZERO);
        }

        public static Answer text(String text) {
            return new Answer(200, "text/plain", text.getBytes(StandardCharsets.UTF_8), Map.of(), Duration.ZERO);
        }

        public static Answer status(int status) {
            return new Answer(status, null, new byte[0], Map.of(), Duration.ZERO);
        }

        public static Answer redirect(String location) {
            return new Answer(301, null, new byte[0], Map.of("Location", location), Duration.ZERO);
        }
    }

    private static LocalWeb instance;

    private final HttpServer server;
    private final Map<String, BiFunction<String, Headers, Answer>> sites = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostInFlight = new ConcurrentHashMap<>();

    private LocalWeb() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "local-web");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::answer);
        server.start();
    }

    public static synchronized LocalWeb get() {
        if (instance == null) {
            try {
                instance = new LocalWeb();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The server as a proxy address for {@code ingest.fetch.proxy}. */
    public String proxy() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The host tests serve feeds from. */
    public static final String FEEDS = "feeds.local";

    /** A URL on {@link #FEEDS}. */
    public String direct(String path) {
        return "http://" + FEEDS + path;
    }

    /** @param site answers for every path of the host ({@code *}: of every host without its own); null means 404 */
    public void site(String host, Function<String, Answer> site) {
        sites.put(host, (path, headers) -> site.apply(path));
    }

    /** A site that reads the request's headers (conditional GETs, the User-Agent). */
    public void site(String host, BiFunction<String, Headers, Answer> site) {
        sites.put(host, site);
    }

    /** Paths requested of a host, in order. */
    public List<String> requested(String host) {
        String prefix = host + " ";
        return requests.stream().filter(r -> r.startsWith(prefix)).map(r -> r.substring(prefix.length())).toList();
    }

    public int mostInFlight(String host) {
        return mostInFlight.getOrDefault(host, new AtomicInteger()).get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String host = uri.getHost() != null ? uri.getHost() : "local";
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        String path = uri.getRawQuery() == null ? rawPath : rawPath + "?" + uri.getRawQuery();
        requests.add(host + " " + path);
        AtomicInteger now = inFlight.computeIfAbsent(host, h -> new AtomicInteger());
        mostInFlight.computeIfAbsent(host, h -> new AtomicInteger()).accumulateAndGet(now.incrementAndGet(), Math::max);
        try {
            BiFunction<String, Headers, Answer> site = sites.getOrDefault(host, sites.get("*"));
            Answer answer = site == null ? null : site.apply(path, exchange.getRequestHeaders());
            if (answer == null) {
                answer = Answer.status(404);
            }
            if (!answer.delay().isZero()) {
                Thread.sleep(answer.delay().toMillis());
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                exchange.getResponseBody().write(answer.body());
            }
        } catch (IOException | InterruptedException e) {
            // The fetcher hung up (a page too large, a time limit): that is what it should do.
        } catch (RuntimeException e) {
            // Not a request this server understands (a CONNECT for https): 501, as a plain proxy would say.
            try {
                exchange.sendResponseHeaders(501, -1);
            } catch (IOException ignored) {
                // The client is gone.
            }
        } finally {
            now.decrementAndGet();
            exchange.close();
        }
    }
}
