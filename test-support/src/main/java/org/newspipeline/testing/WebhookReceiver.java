package org.newspipeline.testing;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/** A webhook receiver on loopback: records what it takes, answers what {@code status} says. */
public final class WebhookReceiver implements AutoCloseable {

    /** A post as received: its headers of note and its body. */
    public record Post(String id, String timestamp, String signature, String body) {

        /**
         * Whether its signature is the Standard Webhooks one under the secret ({@code whsec_} and the
         * key in base64): HMAC-SHA256 of {@code id.timestamp.body}, as {@code v1,<base64>}.
         */
        public boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                String expected = "v1," + Base64.getEncoder().encodeToString(
                        mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
                return expected.equals(signature);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    /** Posts answered 2xx, in the order they came. */
    public final List<Post> taken = new CopyOnWriteArrayList<>();
    /** Every post, refused ones included. */
    public final List<Post> all = new CopyOnWriteArrayList<>();

    public WebhookReceiver(IntSupplier status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            Post post = new Post(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int answer = status.getAsInt();
            all.add(post);
            if (answer / 100 == 2) {
                taken.add(post);
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
