package org.newspipeline.lag;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The pipeline's consumer lag, as every service sees it. */
@Path("/lag")
@Produces(MediaType.APPLICATION_JSON)
public class LagResource {

    private final ConsumerLag lag;

    public LagResource(ConsumerLag lag) {
        this.lag = lag;
    }

    @GET
    @Operation(summary = "How far each consumer group of the pipeline is behind, per partition (the last reading)")
    public Lag lag() {
        return lag.lag();
    }
}
