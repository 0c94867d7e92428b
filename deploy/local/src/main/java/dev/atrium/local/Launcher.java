package dev.atrium.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The Java side of {@code ./atrium}: {@code up} starts the stack and holds it until stopped;
 * {@code status} checks each component. Progress and failures go to standard output, and the
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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Atrium...");
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
        Map<String, Boolean> up = new LinkedHashMap<>();
        up.put("postgres", FreePorts.isTaken(p.postgres()));
        up.put("kafka", FreePorts.isTaken(p.kafka()));
        up.put("keycloak", Stack.httpOk(p.url(p.keycloakManagement()) + "/health/ready"));
        up.put("simulator", Stack.httpOk(p.url(p.simulator()) + "/health"));
        up.put("workspace", ServiceProcess.isReady(p.workspaceManagement()));
        up.put("guardrail", ServiceProcess.isReady(p.guardrailManagement()));
        up.put("routing", ServiceProcess.isReady(p.routingManagement()));
        up.put("billing", ServiceProcess.isReady(p.billingManagement()));
        up.put("gateway", ServiceProcess.isReady(p.gatewayManagement()));
        up.put("console", ServiceProcess.isReady(p.consoleManagement()));
        // PostgreSQL runs inside the launcher's JVM, so its lines are in the launcher's log.
        up.forEach((name, ok) -> System.out.printf("%-10s %s%s%n", name, ok ? "up" : "DOWN",
                ok ? "" : "   (log: " + home.resolve("logs").resolve((name.equals("postgres") ? "launcher" : name)
                        + ".log") + ")"));
        return up.containsValue(false) ? 1 : 0;
    }
}
