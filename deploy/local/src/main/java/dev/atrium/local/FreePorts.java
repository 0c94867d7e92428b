package dev.atrium.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports on 127.0.0.1, for tests that must never use the stack's fixed ports. They are chosen below the
 * ephemeral ranges the systems give outgoing connections (Linux 32768-60999, macOS and Windows from 49152): a
 * port the kernel hands out for port 0 is such a port, and between its choice and a server's bind, seconds later,
 * an outgoing connection could be given it (a guardrail replica's own database and Kafka connections did once, and
 * the replica could not listen). Each port is handed out once per JVM.
 */
public final class FreePorts {

    static final int FIRST = 20_000;
    static final int END = 32_000;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, END);
            if (!isTaken(port) && GIVEN.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port on 127.0.0.1 between " + FIRST + " and " + END);
    }

    public static boolean isTaken(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
