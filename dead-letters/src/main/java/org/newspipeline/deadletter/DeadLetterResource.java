package org.newspipeline.deadletter;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newspipeline.edge.Problem;
import org.newspipeline.edge.QueryParams;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import jakarta.ws.rs.core.Response;

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
    public DeadLetterQueue.Summary list(@QueryParam("limit") String limit) {
        int newest = "0".equals(limit) ? 0 : QueryParams.count("limit", limit, 20, MAX_LIST);
        return kafka(() -> queue.summary(newest));
    }

    @POST
    @Path("/redrive")
    @Operation(summary = "Put every record dead-lettered since the last redrive back on its topic")
    @APIResponse(responseCode = "200", description = "how many records were put back")
    @APIResponse(responseCode = "409", description = "a redrive of this topic is running (here or on another replica); the detail says how far it is")
    @APIResponse(responseCode = "503", description = "Kafka is unavailable")
    public DeadLetterQueue.Redrive redrive() {
        return kafka(queue::redrive);
    }

    @ServerExceptionMapper
    Response running(RedriveRunningException e) {
        return Problem.response(409, e.getMessage());
    }

    private static <T> T kafka(Supplier<T> call) {
        try {
            return call.get();
        } catch (KafkaException | DeadLettersUnavailableException e) {
            throw new ServiceUnavailableException(10L, e);
        }
    }
}
