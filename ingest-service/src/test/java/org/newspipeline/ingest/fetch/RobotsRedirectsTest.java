package org.newspipeline.ingest.fetch;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.newspipeline.ingest.config.IngestConfig;

import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** robots.txt redirects are followed by hand, and never into our own network (no proxy, private hosts not allowed). */
class RobotsRedirectsTest {

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
            RobotsRules robots = new RobotsRules(config());
            Optional<FetchResult.Failure> refusal = robots.refusal(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/page"));
            assertTrue(refusal.isEmpty(), "a robots.txt we may not follow is no robots.txt: " + refusal);
            assertEquals(List.of("/robots.txt"), asked, "the private target was requested");
        } finally {
            server.stop(0);
        }
    }

    /** The defaults of ingest.fetch, with no proxy and private hosts not allowed. */
    private static IngestConfig config() {
        Map<String, Object> fetch = Map.of("agent", "news-pipeline", "contactUrl", Optional.empty(), "timeout", Duration.ofSeconds(5),
                "proxy", Optional.empty(), "allowPrivateHosts", false, "robotsTtl", Duration.ofHours(1));
        IngestConfig.Fetch fetchConfig = (IngestConfig.Fetch) Proxy.newProxyInstance(IngestConfig.class.getClassLoader(),
                new Class<?>[] {IngestConfig.Fetch.class}, (p, m, a) -> fetch.get(m.getName()));
        return (IngestConfig) Proxy.newProxyInstance(IngestConfig.class.getClassLoader(), new Class<?>[] {IngestConfig.class},
                (p, m, a) -> m.getName().equals("fetch") ? fetchConfig : null);
    }
}
