package org.newspipeline.query.materialize;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;
import org.newspipeline.query.waiting.WaitingHealth;

/** Not ready while articles wait for the database (or Kafka, for a dead letter) to come back. */
@Readiness
@ApplicationScoped
public class MaterializerHealth extends WaitingHealth {

    public MaterializerHealth() {
        super("Materializer");
    }
}
