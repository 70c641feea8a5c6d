package org.newspipeline.deadletter;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.function.Supplier;

/** This service's dead-letter topic, to look at and to redrive after a fix. */
@Path("/dlq")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private static final int MAX_LIST = 100;

    private final DeadLetterQueue queue;

    public DeadLetterResource(DeadLetterQueue queue) {
        this.queue = queue;
    }

    @GET
    @Operation(summary = "How many records were dead-lettered, and the newest with their reasons")
    public DeadLetterQueue.Summary list(@QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 0 || limit > MAX_LIST) {
            throw new BadRequestException("'limit' must be 0 to " + MAX_LIST);
        }
        return kafka(() -> queue.summary(limit));
    }

    @POST
    @Path("/redrive")
    @Operation(summary = "Put every record dead-lettered since the last redrive back on its topic")
    public DeadLetterQueue.Redrive redrive() {
        return kafka(queue::redrive);
    }

    private static <T> T kafka(Supplier<T> call) {
        try {
            return call.get();
        } catch (KafkaException | DeadLettersUnavailableException e) {
            throw new ServiceUnavailableException(10L, e);
        }
    }
}
