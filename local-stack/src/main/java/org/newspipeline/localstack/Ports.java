package org.newspipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Free ports for private brokers, databases and services of tests and benchmarks. */
public final class Ports {

    /** How many ports below the kernel's ephemeral range are drawn from. */
    private static final int SPAN = 12_000;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /**
     * A port free now, drawn below the kernel's ephemeral range: a port from that range (what
     * binding port 0 gives) can be taken by any outgoing connection in the seconds before the
     * server binds it, which made brokers and search nodes fail to start now and then. Never the
     * same port twice in one JVM.
     */
    public static int free() {
        int below = ephemeralLow();
        if (below > SPAN + 1024) {
            for (int attempt = 0; attempt < 100; attempt++) {
                int port = below - 1 - ThreadLocalRandom.current().nextInt(SPAN);
                if (!GIVEN.contains(port) && bindable(port) && GIVEN.add(port)) {
                    return port;
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The first port of the kernel's ephemeral range (Linux; elsewhere the IANA range's start). */
    private static int ephemeralLow() {
        try {
            return Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 49_152;
        }
    }
}
