package org.newspipeline.query.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;
import org.newspipeline.query.waiting.WaitingHealth;

/** Not ready while articles wait for OpenSearch to come back: searches would fail meanwhile. */
@Readiness
@ApplicationScoped
public class IndexHealth extends WaitingHealth {

    public IndexHealth() {
        super("Search index");
    }
}
