package org.newspipeline.localstack;

import org.newspipeline.contract.Backoff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Restarts a service whose process ended (it crashed, ran out of memory, or was killed), with a
 * growing pause between restarts. A service that crashes {@value #MAX_CRASHES} times within
 * {@link #WINDOW} is beyond restarting: the supervisor gives up and says so.
 */
public final class Supervisor implements AutoCloseable {

    static final int MAX_CRASHES = 5;
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    /** Called once, from the supervisor's thread, when a service crashed too often. */
    public interface GiveUp {
        void crashedTooOften(ServiceProcess service, String why);
    }

    private final List<ServiceProcess> services;
    private final GiveUp giveUp;
    private final Map<ServiceProcess, Deque<Instant>> crashes = new HashMap<>();
    private final Thread thread;
    private final Duration firstPause;
    private volatile boolean stopping;

    Supervisor(List<ServiceProcess> services, GiveUp giveUp) {
        this(services, giveUp, Duration.ofSeconds(1));
    }

    /** @param firstPause the pause before the first restart, doubled for each further one */
    Supervisor(List<ServiceProcess> services, GiveUp giveUp, Duration firstPause) {
        this.firstPause = firstPause;
        this.services = services;
        this.giveUp = giveUp;
        this.thread = new Thread(this::watch, "supervisor");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void watch() {
        try {
            while (!stopping) {
                for (ServiceProcess service : services) {
                    var exit = service.exitCode();
                    if (exit.isPresent() && !stopping && !restart(service, exit.get())) {
                        return;
                    }
                }
                Thread.sleep(CHECK_EVERY.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return false when the supervisor gave up */
    private boolean restart(ServiceProcess service, int exitCode) throws InterruptedException {
        Instant now = Instant.now();
        Deque<Instant> recent = crashes.computeIfAbsent(service, s -> new ArrayDeque<>());
        recent.addLast(now);
        while (recent.getFirst().isBefore(now.minus(WINDOW))) {
            recent.removeFirst();
        }
        if (recent.size() >= MAX_CRASHES) {
            stopping = true;
            giveUp.crashedTooOften(service, service.name() + " ended " + recent.size() + " times within " + WINDOW.toMinutes()
                    + " minutes (last exit code " + exitCode + ")");
            return false;
        }
        Duration pause = new Backoff(firstPause, LONGEST_PAUSE).after(recent.size());
        System.out.printf("%s ended with exit code %d (%d of %d allowed within %d minutes); restarting in %.1f s%n",
                service.name(), exitCode, recent.size(), MAX_CRASHES - 1, WINDOW.toMinutes(), pause.toMillis() / 1000.0);
        Thread.sleep(pause.toMillis());
        if (stopping) {
            return false;
        }
        try {
            service.restart();
        } catch (Exception e) {
            System.out.printf("%s could not be restarted: %s%n", service.name(), e.getMessage());
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        if (stopping) {
            return; // already stopped, or gave up: its thread may be the one stopping everything
        }
        stopping = true;
        thread.interrupt();
        thread.join(5_000);
    }
}
