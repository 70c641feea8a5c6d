package org.newspipeline.query.waiting;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Readiness of a consumer's work: down, with the reason, while it waits for a dependency to come back. */
public abstract class WaitingHealth implements HealthCheck {

    private final String name;
    private volatile String waitingFor;

    protected WaitingHealth(String name) {
        this.name = name;
    }

    void waiting(String reason) {
        waitingFor = reason;
    }

    void working() {
        waitingFor = null;
    }

    @Override
    public HealthCheckResponse call() {
        String reason = waitingFor;
        var response = HealthCheckResponse.named(name);
        return reason == null ? response.up().build() : response.down().withData("waiting", reason).build();
    }
}
