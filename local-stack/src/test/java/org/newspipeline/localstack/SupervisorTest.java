package org.newspipeline.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Restarts with growing pauses, and gives up on a service that keeps ending. */
class SupervisorTest {

    @Test
    void a_process_that_keeps_ending_is_restarted_then_given_up_on(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("crashing.log");
        ServiceProcess crashing = ServiceProcess.command("crashing", 0, "/", List.of("sh", "-c", "echo started; exit 3"),
                Map.of(), dir, log);
        CompletableFuture<String> gaveUp = new CompletableFuture<>();
        try (Supervisor supervisor = new Supervisor(List.of(crashing), (service, why) -> gaveUp.complete(why),
                Duration.ofMillis(50))) {
            String why = gaveUp.get(30, TimeUnit.SECONDS);
            assertTrue(why.startsWith("crashing ended 5 times within 5 minutes (last exit code 3)"), why);
        }
        // The first start and four restarts, each appended to the same log.
        assertEquals(5, Files.readAllLines(log).stream().filter("started"::equals).count());
    }

    @Test
    void a_running_process_is_left_alone(@TempDir Path dir) throws Exception {
        ServiceProcess running = ServiceProcess.command("running", 0, "/", List.of("sleep", "30"), Map.of(), dir,
                dir.resolve("running.log"));
        CompletableFuture<String> gaveUp = new CompletableFuture<>();
        try (Supervisor supervisor = new Supervisor(List.of(running), (service, why) -> gaveUp.complete(why),
                Duration.ofMillis(50))) {
            Thread.sleep(1500);
            assertTrue(running.exitCode().isEmpty());
            assertTrue(!gaveUp.isDone());
        } finally {
            running.close();
        }
    }
}
