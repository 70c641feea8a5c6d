package org.newspipeline.edge;

import java.net.HttpURLConnection;
import java.net.URI;

/**
 * A container health check that needs nothing but the JRE the service runs on (base images may
 * lack curl): exits 0 when {@code /q/health/ready} on this container's port answers 200.
 * <pre>java -cp "/deployments/lib/main/*" org.newspipeline.edge.HealthProbe</pre>
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("QUARKUS_HTTP_PORT", "8080");
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready")
                    .toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(3000);
            System.exit(c.getResponseCode() == 200 ? 0 : 1);
        } catch (Exception e) {
            System.exit(1);
        }
    }
}
