package org.newspipeline.ingest.fetch;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.newspipeline.ingest.config.IngestConfig;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * robots.txt as it is read: redirects followed by hand, and never into our own network (no proxy,
 * private hosts not allowed); a body that trickles in is read within the fetch time limit.
 */
class RobotsRulesTest {

    @Test
    void a_robots_txt_that_redirects_to_a_private_address_is_not_followed_there() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/internal");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        try {
            RobotsRules robots = new RobotsRules(config(Duration.ofSeconds(5)));
            Optional<FetchResult.Failure> refusal = robots.refusal(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/page"));
            assertTrue(refusal.isEmpty(), "a robots.txt we may not follow is no robots.txt: " + refusal);
            assertEquals(List.of("/robots.txt"), asked, "the private target was requested");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void a_robots_txt_that_trickles_in_is_unreachable_once_the_time_limit_is_out() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (var body = exchange.getResponseBody()) {
                for (int i = 0; i < 600; i++) { // a minute, a line at a time
                    body.write("# waiting\n".getBytes());
                    body.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // the reader hung up, as it should
            }
        });
        server.start();
        try {
            RobotsRules robots = new RobotsRules(config(Duration.ofSeconds(1)));
            long start = System.nanoTime();
            Optional<FetchResult.Failure> refusal = robots.refusal(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/page"));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(refusal.isPresent() && refusal.get().reason().contains("robots.txt unreachable: body took longer"),
                    String.valueOf(refusal));
            assertTrue(seconds < 10, "the read was not ended at the time limit: " + seconds + " s");
        } finally {
            server.stop(0);
        }
    }

    /** The defaults of ingest.fetch, with no proxy and private hosts not allowed. */
    private static IngestConfig config(Duration timeout) {
        Map<String, Object> fetch = Map.of("agent", "news-pipeline", "contactUrl", Optional.empty(), "timeout", timeout,
                "proxy", Optional.empty(), "allowPrivateHosts", false, "robotsTtl", Duration.ofHours(1));
        IngestConfig.Fetch fetchConfig = (IngestConfig.Fetch) Proxy.newProxyInstance(IngestConfig.class.getClassLoader(),
                new Class<?>[] {IngestConfig.Fetch.class}, (p, m, a) -> fetch.get(m.getName()));
        return (IngestConfig) Proxy.newProxyInstance(IngestConfig.class.getClassLoader(), new Class<?>[] {IngestConfig.class},
                (p, m, a) -> m.getName().equals("fetch") ? fetchConfig : null);
    }
}
