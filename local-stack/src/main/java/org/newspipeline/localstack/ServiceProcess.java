package org.newspipeline.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One service, run as its packaged Quarkus application in a process of its own, restartable. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** What answers 200 once a Quarkus service is ready. */
    private static final String QUARKUS_READY = "/q/health/ready";

    private final String name;
    private final int port;
    private final String readyPath;
    private final ProcessBuilder builder;
    private final Path log;
    private volatile Process process;

    private ServiceProcess(String name, int port, String readyPath, ProcessBuilder builder, Path log) throws IOException {
        this.name = name;
        this.port = port;
        this.readyPath = readyPath;
        this.builder = builder;
        this.log = log;
        this.process = builder.start();
    }

    /**
     * The maximum heap a service runs with on the local stack and in the benchmarks. enrich-service
     * holds the entity models (their sizes: docs/benchmarks.md, "Memory"); ingest and query hold a
     * few requests at a time, and a larger heap would only grow their resident size.
     */
    public static String heap(String module) {
        return module.startsWith("enrich-service") ? "1g" : "256m";
    }

    /**
     * The JVM options a service runs with on the local stack and in the benchmarks: its heap, and for
     * ingest and query the serial collector from a small initial heap: G1's own structures are a
     * large share of a small service's memory, the serial collector's next to nothing, and from a
     * small start the heap grows only as far as the live data needs (docs/benchmarks.md, "Memory").
     * enrich-service's enrichment on every core keeps G1.
     */
    public static List<String> jvmOptions(String module) {
        return module.startsWith("enrich-service") ? List.of("-Xmx" + heap(module))
                : List.of("-Xmx" + heap(module), "-Xms32m", "-XX:+UseSerialGC");
    }

    /**
     * Starts {@code <module>/target/quarkus-app/quarkus-run.jar} with the given environment, its
     * output going to {@code <logDir>/<name>.log}.
     *
     * @param name the module's name, or another for a second replica of it ("enrich-service-2")
     */
    public static ServiceProcess start(Path repoRoot, String module, String name, int port, Map<String, String> env,
                                       List<String> jvmOptions, Path logDir) throws IOException {
        Path jar = repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw install -DskipTests");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        Map<String, String> environment = new HashMap<>(env);
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // glibc gives each busy thread its own malloc arena; two keep a service's resident size down
        // with the same latencies (docs/benchmarks.md, "Memory").
        environment.putIfAbsent("MALLOC_ARENA_MAX", "2");
        return command(name, port, QUARKUS_READY, command, environment, repoRoot, log);
    }

    /**
     * Any command as a supervised service, its output appended to {@code log}.
     *
     * @param readyPath what answers 200 on {@code port} once it is ready
     */
    static ServiceProcess command(String name, int port, String readyPath, List<String> command, Map<String, String> env,
                                  Path workDir, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                // Appended, so that a restarted service's log follows the one it replaces.
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new ServiceProcess(name, port, readyPath, builder, log);
    }

    /** Starts the service again after its process ended. */
    synchronized void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        process = builder.start();
    }

    /** @return the exit code if the process has ended */
    Optional<Integer> exitCode() {
        Process p = process;
        return p.isAlive() ? Optional.empty() : Optional.of(p.exitValue());
    }

    public String name() {
        return name;
    }

    /** Waits until its ready path answers 200, failing early if the process dies. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + readyPath))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            Process process = this.process;
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; the end of " + log + ":\n" + logTail());
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; the end of " + log + ":\n" + logTail());
    }

    /** The end of its log, for a failure's message: the log itself may not outlive the run. */
    private String logTail() {
        try (var file = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, file.length() - 4096);
            byte[] tail = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Resident memory in MB as the kernel counts it (VmRSS); -1 where /proc is not there. */
    public long residentMb() {
        try {
            return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** SIGTERM, so Quarkus shuts down gracefully; SIGKILL if it has not within 20 seconds. */
    @Override
    public void close() throws InterruptedException {
        Process process = this.process;
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
