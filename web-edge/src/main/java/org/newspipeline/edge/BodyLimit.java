package org.newspipeline.edge;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.newspipeline.contract.ContractJson;

import java.util.Optional;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is answered 413 with a problem body. The
 * HTTP layer's own check (a route of order -2) answers 413 with no body at all; this route runs
 * just before it, for every request that states its length. (A chunked body over the limit still
 * meets the bare 413: its length is only known while it is read.)
 */
@ApplicationScoped
public class BodyLimit {

    void install(@Observes Router router, @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        if (limit.isEmpty()) {
            return;
        }
        long max = limit.get().asLongValue();
        byte[] problem = ContractJson.write(Problem.of(413, "the body is larger than " + max + " bytes"));
        router.route().order(-3).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && isOver(length, max)) {
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(Buffer.buffer(problem));
            } else {
                ctx.next();
            }
        });
    }

    private static boolean isOver(String length, long max) {
        try {
            return Long.parseLong(length.strip()) > max;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses a malformed length itself
        }
    }
}
