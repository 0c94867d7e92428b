package dev.atrium.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The Java side of {@code ./atrium}: {@code up} starts the stack and holds it until stopped, starting
 * again any component whose process exits meanwhile; {@code status} checks each component. Progress and failures go to standard output, and the
 * outcome to {@code <home>/state} so that {@code up --detach} can wait for it.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        String verb = args.length > 0 ? args[0] : "up";
        Path root = Path.of(System.getProperty("atrium.root", ".")).toAbsolutePath().normalize();
        Path home = root.resolve(".atrium");
        int code = switch (verb) {
            case "up" -> up(root, home);
            case "status" -> status(Ports.defaults(), home);
            default -> {
                System.err.println("usage: Launcher up|status");
                yield 2;
            }
        };
        if (!verb.equals("up")) {
            System.exit(code);
        }
    }

    private static int up(Path root, Path home) throws IOException, InterruptedException {
        Files.createDirectories(home);
        Path state = home.resolve("state");
        Files.writeString(state, "starting\n");
        Files.writeString(home.resolve("launcher.pid"), String.valueOf(ProcessHandle.current().pid()));
        long started = System.nanoTime();
        Stack stack = new Stack(root, home, Ports.defaults(), Stack.ExternalDatabase.fromEnvironment(),
                line -> System.out.println("  " + line));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread[] watcher = new Thread[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Atrium...");
            if (watcher[0] != null) {
                watcher[0].interrupt();
            }
            stack.close();
            try {
                Files.deleteIfExists(home.resolve("launcher.pid"));
                Files.writeString(state, "stopped\n");
            } catch (IOException ignored) {
                // nothing left to tell
            }
            stopped.countDown();
        }));
        System.out.println("Starting Atrium (logs in " + home.resolve("logs") + ")");
        try {
            stack.start();
            Seeder.Demo demo = Seeder.seedOnce(stack);
            System.out.printf("Atrium is ready in %.0f s.%n%n", (System.nanoTime() - started) / 1e9);
            System.out.println(summary(stack, demo));
            Files.writeString(state, "ready\n");
            watcher[0] = watch(stack);
        } catch (ComponentFailure failure) {
            System.out.println("FAILED: " + failure.getMessage());
            Files.writeString(state, "failed " + failure.component() + " "
                    + (failure.log() == null ? "-" : failure.log()) + "\n");
            System.exit(1);
        } catch (RuntimeException | IOException e) {
            System.out.println("FAILED: seeding the demo data: " + e.getMessage());
            Files.writeString(state, "failed seed " + home.resolve("logs") + "\n");
            System.exit(1);
        }
        stopped.await();
        return 0;
    }

    static String summary(Stack stack, Seeder.Demo demo) {
        Ports p = stack.ports();
        String gateway = p.url(p.gateway());
        return String.join("\n",
                "  OpenAI base URL   " + gateway + "/api/v1",
                "  Console           " + p.url(p.console()) + "  (sign in as the admin below)",
                "  Demo API key      " + demo.apiKey(),
                "  Organization      " + demo.organizationId() + "   workspace " + demo.workspaceId(),
                "  Admin login       " + AdminClient.USERNAME + " / " + AdminClient.PASSWORD + "  (Keycloak "
                        + stack.keycloakUrl() + ", realm " + KeycloakServer.REALM + ", client " + AdminClient.CLIENT_ID + ")",
                "  Services          workspace " + p.url(p.workspace()) + "  guardrail " + p.url(p.guardrail())
                        + "  routing " + p.url(p.routing()) + "  billing " + p.url(p.billing()),
                "  Provider simulator " + p.url(p.simulator()),
                "  Management ports  /q/health, /q/metrics, /q/openapi (never on the ports above): gateway "
                        + p.gatewayManagement() + "  workspace " + p.workspaceManagement() + "  guardrail "
                        + p.guardrailManagement() + "  routing " + p.routingManagement() + "  billing "
                        + p.billingManagement() + "  console " + p.consoleManagement(),
                "  Settings          .atrium/demo.env (source it in scripts)",
                "",
                "Try it:",
                "  curl -s " + gateway + "/api/v1/chat/completions \\",
                "    -H 'Authorization: Bearer " + demo.apiKey() + "' -H 'Content-Type: application/json' \\",
                "    -d '{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}'",
                "",
                "Then find that generation in billing (use the \"id\" of the answer):",
                "  source .atrium/demo.env",
                "  TOKEN=$(curl -s $ATRIUM_KEYCLOAK_URL/realms/atrium/protocol/openid-connect/token \\",
                "    -d grant_type=password -d client_id=$ATRIUM_ADMIN_CLIENT_ID \\",
                "    -d username=$ATRIUM_ADMIN_USERNAME -d password=$ATRIUM_ADMIN_PASSWORD | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')",
                "  curl -s -H \"Authorization: Bearer $TOKEN\" $ATRIUM_BILLING_URL/api/v1/generations/<gen-id>",
                "",
                "Ctrl-C stops everything (or ./atrium down from another terminal).");
    }

    private static int status(Ports p, Path home) {
        List<String> lines = statusLines(p, home);
        lines.forEach(System.out::println);
        return lines.stream().allMatch(l -> l.startsWith("up", 11)) ? 0 : 1;
    }

    /**
     * One line per component, {@code up} or {@code DOWN} with why: a component is down when the process its PID
     * file names has exited (a crash, a kill) or its health check fails. Last, the launcher, which starts
     * again a component whose process exits.
     */
    static List<String> statusLines(Ports p, Path home) {
        Map<String, Boolean> healthy = new LinkedHashMap<>();
        healthy.put("postgres", FreePorts.isTaken(p.postgres()));
        healthy.put("kafka", FreePorts.isTaken(p.kafka()));
        healthy.put("keycloak", Stack.httpOk(p.url(p.keycloakManagement()) + "/health/ready"));
        healthy.put("simulator", Stack.httpOk(p.url(p.simulator()) + "/health"));
        healthy.put("workspace", ServiceProcess.isReady(p.workspaceManagement()));
        healthy.put("guardrail", ServiceProcess.isReady(p.guardrailManagement()));
        healthy.put("routing", ServiceProcess.isReady(p.routingManagement()));
        healthy.put("billing", ServiceProcess.isReady(p.billingManagement()));
        healthy.put("gateway", ServiceProcess.isReady(p.gatewayManagement()));
        healthy.put("console", ServiceProcess.isReady(p.consoleManagement()));
        List<String> lines = new ArrayList<>();
        healthy.forEach((name, ok) -> {
            // PostgreSQL runs inside the launcher's JVM, so its lines are in the launcher's log.
            Path log = home.resolve("logs").resolve((name.equals("postgres") ? "launcher" : name) + ".log");
            Optional<String> gone = exited(home.resolve("pids").resolve(name + ".pid"));
            String why = gone.map(g -> g + "; ").orElse(ok ? "" : "health check fails; ");
            lines.add(String.format("%-10s %s", name, gone.isEmpty() && ok ? "up" : "DOWN   (" + why + "log: " + log + ")"));
        });
        Optional<String> launcherGone = exited(home.resolve("launcher.pid"));
        boolean launcherRecorded = Files.exists(home.resolve("launcher.pid"));
        lines.add(String.format("%-10s %s", "launcher", launcherRecorded && launcherGone.isEmpty()
                ? "up     (starts again a component that exits)"
                : "DOWN   (" + launcherGone.orElse("not running") + "; ./atrium up starts it)"));
        return lines;
    }

    /** "process N exited" when the PID file names a process that no longer runs; empty when none is recorded. */
    static Optional<String> exited(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? Optional.empty()
                    : Optional.of("process " + pid + " exited");
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * While the stack runs: every second, a component whose process exited (a crash, a kill -9) is started
     * again and waited for, each step a line on the launcher's output (and so in launcher.log).
     */
    private static Thread watch(Stack stack) {
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1000);
                    stack.restartExited();
                } catch (InterruptedException e) {
                    return;
                } catch (ComponentFailure failure) {
                    System.out.println("  FAILED to start again: " + failure.getMessage());
                }
            }
        }, "atrium-watch");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }
}
