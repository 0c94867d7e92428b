package dev.atrium.systemtests;

import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
import dev.atrium.local.Stack;
import java.nio.file.Path;

/** One stack for every system test class of this JVM, on free ports, stopped when the JVM ends. */
final class SharedStack {

    /** The system stack's expiry of holds no usage record settled nor gateway released (fault tests wait it out). */
    static final java.time.Duration HOLD_TTL = java.time.Duration.ofSeconds(30);

    private static Stack stack;
    private static OtlpReceiver otlp;
    private static String adminToken;

    private SharedStack() {
    }

    static synchronized Stack get() {
        if (stack == null) {
            Path root = Path.of(System.getProperty("atrium.root", "../..")).toAbsolutePath().normalize();
            try {
                otlp = new OtlpReceiver();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Could not start the OTLP receiver", e);
            }
            Path home = Path.of("target", "stack");
            // Every run starts from empty data (the unpacked Keycloak is kept): a run killed mid-write
            // must not leave a broken Kafka log or an old schema to the next one.
            for (String data : new String[] {"kafka", "postgres", "gateway-spool"}) {
                deleteTree(home.resolve(data));
            }
            Stack started = new Stack(root, home, Ports.free(), null,
                    line -> System.out.println("[stack] " + line)).otlpEndpoint(otlp.endpoint())
                    // Holds a killed gateway strands are given back within a fault test, not after 6 minutes;
                    // still far above any request of the tests (a few seconds at most).
                    .setting("guardrail", "atrium.guardrail.reservation-ttl", HOLD_TTL.toSeconds() + "s")
                    // As guardrail's own tests (%test): GuardrailReplicasTest releases 256 checks of one organization
                    // at once straight at guardrail, bypassing the gateway's one call out per organization (ADR
                    // 0007), so they queue for its rows and the pool; the slowest waited over a second inside
                    // guardrail on a quiet 2-core machine, against the production pool's 3 s acquisition timeout.
                    .setting("guardrail", "quarkus.datasource.jdbc.acquisition-timeout", "30S");
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            stack = started;
        }
        return stack;
    }

    private static void deleteTree(Path dir) {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not clear " + dir, e);
        }
    }

    /** The collector every service of the shared stack exports its spans to. */
    static OtlpReceiver otlp() {
        get();
        return otlp;
    }

    static Ports ports() {
        return get().ports();
    }

    /** A fresh token of the demo platform admin (tokens last 15 minutes). */
    static synchronized String adminToken() {
        adminToken = AdminClient.login(get().keycloakUrl()).token();
        return adminToken;
    }

    static String url(int port, String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
