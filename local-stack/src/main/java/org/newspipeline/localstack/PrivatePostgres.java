package org.newspipeline.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A private PostgreSQL server from the binaries zonky ships in Maven Central jars. Its data
 * directory is kept between runs unless {@code clean} is asked for.
 */
public final class PrivatePostgres implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres server;
    private final String database;

    private PrivatePostgres(EmbeddedPostgres server, String database) {
        this.server = server;
        this.database = database;
    }

    public static PrivatePostgres start(int port, Path dataDir, boolean clean, String database) throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(clean)
                .setServerConfig("max_connections", "100")
                // The default 128 MB holds little of a 100k-article archive; searches read the heap a lot.
                .setServerConfig("shared_buffers", "512MB")
                .start();
        createDatabaseIfMissing(server, database);
        return new PrivatePostgres(server, database);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres server, String database) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE \"" + database + "\"");
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
