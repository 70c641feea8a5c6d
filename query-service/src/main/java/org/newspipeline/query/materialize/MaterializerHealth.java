package org.newspipeline.query.materialize;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while articles wait for the database (or Kafka, for a dead letter) to come back. */
@Readiness
@ApplicationScoped
public class MaterializerHealth implements HealthCheck {

    private volatile String waitingFor;

    void waiting(String reason) {
        waitingFor = reason;
    }

    void storing() {
        waitingFor = null;
    }

    @Override
    public HealthCheckResponse call() {
        String reason = waitingFor;
        var response = HealthCheckResponse.named("Materializer");
        return reason == null ? response.up().build()
                : response.down().withData("waiting", reason).build();
    }
}
