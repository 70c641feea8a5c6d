package org.newspipeline.localstack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What a secured PostgreSQL asks of the services: TLS, checked against the local stack's
 * certificate ({@code sslmode=verify-full}), and a password (SCRAM) for their own user.
 */
public record DatabaseSecurity(TlsMaterial tls, String user, String password) {

    /** The JDBC URL's parameters that make a client check the server's certificate and name. */
    public String jdbcParameters() {
        return "sslmode=verify-full&sslrootcert=" + URLEncoder.encode(tls.certificatePem().toString(), StandardCharsets.UTF_8);
    }
}
