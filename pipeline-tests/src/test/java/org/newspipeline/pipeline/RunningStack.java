package org.newspipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.newspipeline.localstack.Ports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The README's run command as a test runs it: the launcher jar on free ports with a data directory
 * of the test's, its output echoed, and the processes it started (PostgreSQL's included) known.
 */
record RunningStack(Process launcher, List<ProcessHandle> children, Path data, int kafkaPort, int postgresPort,
                    int queryPort, int ingestPort, List<Integer> enrichPorts) implements AutoCloseable {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    /** @param options the launcher's further options, e.g. {@code --secure} */
    static RunningStack start(Path data, int enrichReplicas, String... options) throws Exception {
        int kafkaPort = Ports.free();
        int postgresPort = Ports.free();
        int queryPort = Ports.free();
        int ingestPort = Ports.free();
        List<Integer> enrichPorts = IntStream.range(0, enrichReplicas).mapToObj(i -> Ports.free()).toList();
        Path jar;
        try (Stream<Path> jars = Files.list(REPO.resolve("local-stack/target"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("local-stack-.*\\.jar")).findFirst().orElseThrow();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--data", data.toString(), "--kafka-port", String.valueOf(kafkaPort),
                "--postgres-port", String.valueOf(postgresPort), "--http-ports", queryPort + "," + ingestPort + ","
                        + enrichPorts.stream().map(String::valueOf).collect(Collectors.joining(","))));
        command.addAll(List.of(options));
        Process launcher = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true).start();
        CompletableFuture<Void> up = new CompletableFuture<>();
        Thread output = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    System.out.println("[local-stack] " + line);
                    if (line.contains("News pipeline is up")) {
                        up.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the launcher has gone
            }
            up.completeExceptionally(new IllegalStateException("the launcher exited before the pipeline was up"));
        });
        output.setDaemon(true);
        output.start();
        try {
            up.get(180, TimeUnit.SECONDS);
        } catch (Exception e) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            throw e;
        }
        List<ProcessHandle> children = new ArrayList<>();
        launcher.descendants().forEach(children::add);
        // PostgreSQL's pg_ctl detaches the server from the launcher: find it by its data directory.
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(data.toString()))
                .filter(p -> !children.contains(p) && !p.equals(launcher.toHandle()))
                .forEach(children::add);
        return new RunningStack(launcher, children, data, kafkaPort, postgresPort, queryPort, ingestPort, enrichPorts);
    }

    @Override
    public void close() {
        launcher.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    HttpResponse<String> send(int port, String method, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    List<String> ids(String query) throws Exception {
        return get(query).get("items").findValuesAsText("id");
    }

    JsonNode get(String query) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + queryPort + "/articles?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    JsonNode awaitSearch(String q, int atLeast, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = URI.create("http://localhost:" + queryPort + "/articles?q=" + encode(q));
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                last = JSON.readTree(response.body());
                if (last.get("total").asInt() >= atLeast) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        fail("search for " + q + " found fewer than " + atLeast + " within " + timeout + ": " + last);
        return null;
    }
}
