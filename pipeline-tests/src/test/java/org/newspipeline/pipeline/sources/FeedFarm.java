package org.newspipeline.pipeline.sources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many news sites on one local server, reached as the fetcher's HTTP proxy: {@code hosts} hosts
 * {@code farm-NNNN.test} with {@code feedsPerHost} feeds each, two items per feed. One feed in ten
 * answers only after {@link #SLOW_MS}, one in twenty never. Every request is logged with its time,
 * and the most requests one host had in flight at once is kept.
 */
final class FeedFarm implements AutoCloseable {

    static final long SLOW_MS = 21_000;
    static final long NEVER_MS = 600_000;

    record Request(String host, String path, Instant at) {
    }

    private final int hosts;
    private final int feedsPerHost;
    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "feed-farm");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Integer> mostInFlight = new ConcurrentHashMap<>();

    /**
     * A plain socket server rather than the JDK's HTTP server: a request counts as in flight only
     * while its client is still connected, so a poller that gave up on a slow host and hung up is
     * not taken for a second request at once.
     */
    FeedFarm(int hosts, int feedsPerHost) throws IOException {
        this.hosts = hosts;
        this.feedsPerHost = feedsPerHost;
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        connections.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.execute(() -> serve(socket));
                } catch (IOException e) {
                    // Closed.
                }
            }
        });
    }

    String proxy() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    static String host(int h) {
        return "farm-%04d.test".formatted(h);
    }

    static String feed(int h, int f) {
        return "http://" + host(h) + "/feed-" + f + ".rss";
    }

    static boolean never(int h, int f) {
        return (h * 10 + f) % 20 == 7;
    }

    static boolean slow(int h, int f) {
        return !never(h, f) && (h * 10 + f) % 10 == 3;
    }

    List<String> feeds() {
        List<String> all = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            for (int f = 0; f < feedsPerHost; f++) {
                all.add(feed(h, f));
            }
        }
        return all;
    }

    /** The feeds that answer in time, each with its two items. */
    List<String> answering() {
        List<String> all = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            for (int f = 0; f < feedsPerHost; f++) {
                if (!slow(h, f) && !never(h, f)) {
                    all.add(feed(h, f));
                }
            }
        }
        return all;
    }

    String opml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>farm</title></head><body>\n");
        for (int h = 0; h < hosts; h++) {
            for (int f = 0; f < feedsPerHost; f++) {
                xml.append("<outline type=\"rss\" text=\"Farm ").append(h).append("\" xmlUrl=\"").append(feed(h, f))
                        .append("\" htmlUrl=\"http://").append(host(h)).append("/\"/>\n");
            }
        }
        return xml.append("</body></opml>").toString();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    int mostInFlightOnAnyHost() {
        return mostInFlight.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Requests of one connection in turn (the client keeps connections alive), until it hangs up. */
    private void serve(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = socket.getOutputStream()) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                URI uri = URI.create(line.split(" ")[1]);
                Map<String, String> headers = new HashMap<>();
                for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                    int colon = h.indexOf(':');
                    headers.put(h.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), h.substring(colon + 1).strip());
                }
                if (!answer(socket, in, out, uri.getHost() == null ? "" : uri.getHost(), uri.getPath(), headers)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The client hung up.
        }
    }

    /** @return false when the client hung up before the answer */
    private boolean answer(Socket socket, BufferedReader in, OutputStream out, String host, String path,
                           Map<String, String> headers) throws IOException {
        requests.add(new Request(host, path, Instant.now()));
        int now = inFlight.computeIfAbsent(host, k -> new AtomicInteger()).incrementAndGet();
        mostInFlight.merge(host, now, Math::max);
        try {
            if (!path.startsWith("/feed-") || !host.startsWith("farm-")) {
                respond(out, "404 Not Found", null, null, new byte[0]);
                return true;
            }
            int h = Integer.parseInt(host.substring(5, host.indexOf('.')));
            int f = Integer.parseInt(path.substring(6, path.indexOf('.')));
            if ((never(h, f) || slow(h, f)) && !connectedFor(socket, in, never(h, f) ? NEVER_MS : SLOW_MS)) {
                return false;
            }
            String etag = "\"" + h + "-" + f + "\"";
            if (etag.equals(headers.get("if-none-match"))) {
                respond(out, "304 Not Modified", null, etag, new byte[0]);
            } else {
                respond(out, "200 OK", "application/rss+xml", etag, rss(h, f).getBytes(StandardCharsets.UTF_8));
            }
            return true;
        } finally {
            inFlight.get(host).decrementAndGet();
        }
    }

    /** Waits, watching for the client to hang up; @return whether it is still there */
    private static boolean connectedFor(Socket socket, BufferedReader in, long millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        socket.setSoTimeout(200);
        try {
            while (System.currentTimeMillis() < deadline) {
                try {
                    if (in.read() < 0) {
                        return false;
                    }
                } catch (java.net.SocketTimeoutException e) {
                    // Still connected, still waiting.
                }
            }
            return true;
        } finally {
            socket.setSoTimeout(0);
        }
    }

    private static void respond(OutputStream out, String status, String type, String etag, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append("\r\nContent-Length: ").append(body.length).append("\r\n");
        if (type != null) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        if (etag != null) {
            head.append("ETag: ").append(etag).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    static String item(int h, int f, int i) {
        return "http://" + host(h) + "/f" + f + "/story-" + i;
    }

    private static String rss(int h, int f) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Farm ")
                .append(h).append(" feed ").append(f).append("</title>");
        for (int i = 0; i < 2; i++) {
            xml.append("<item><title>Farm story ").append(h).append('-').append(f).append('-').append(i).append("</title><link>")
                    .append(item(h, f, i)).append("</link><description>Story ").append(i).append(" of feed ").append(f)
                    .append(" on farm host ").append(h).append(" says what happened.</description>")
                    .append("<pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
