package dev.atrium.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * While PostgreSQL is away, each service with a database answers 503 in the error shape with a Retry-After: an
 * outage a client's SDK retries, not a 500. After PostgreSQL restarts, every connection a service's pool held is
 * dead, the idle ones included. A service that serves again must not fail the requests that happen to draw one
 * of those later (each once, until the pool's background validation found them, minutes after): a burst wide
 * enough to draw every pooled connection, sent at once after the restart, gets only 200s. Before ADR 0034
 * routing failed 3 of such a burst, and guardrail failed a check of GuardrailReplicasTest's burst in CI,
 * 55 s after CrashUnderLoadTest's restart of PostgreSQL.
 */
class PostgresRestartPoolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Wider than any service's pool (guardrail's is 16, the others' Quarkus's default 20). */
    private static final int BURST = 48;

    @Test
    void anOutageIsAnswered503AndNoRequestAfterTheRestartFailsOnAConnectionTheCrashBroke() throws Exception {
        Ports ports = SharedStack.ports();
        AdminClient admin = AdminClient.login(SharedStack.get().keycloakUrl());
        Tenants.Tenant tenant = Tenants.create(admin, "pg-pools");
        String serviceToken = Budgets.serviceToken();
        String check = JSON.writeValueAsString(Map.of("organization_id", tenant.organizationId(),
                "workspace_id", tenant.workspaceId(), "key_id", tenant.keyId(), "models", List.of("openai/gpt-4o-mini"),
                "estimated_prompt_tokens", 0, "max_tokens", 10));
        Budgets.awaitReserving(serviceToken, check, List.of(ports.guardrail()));
        List<Probe> probes = List.of(
                new Probe("guardrail check", ports.guardrail(), "/internal/v1/checks", check, serviceToken),
                new Probe("workspace read", ports.workspace(), "/api/v1/workspaces/" + tenant.workspaceId(), null,
                        admin.token()),
                new Probe("routing read", ports.routing(), "/api/v1/workspaces/" + tenant.workspaceId() + "/routing",
                        null, admin.token()),
                new Probe("billing read", ports.billing(), "/api/v1/organizations/" + tenant.organizationId()
                        + "/balance", null, admin.token()));

        // Every pool grows to its size, so the crash leaves dead connections idle in each.
        for (Probe probe : probes) {
            assertThat(burst(probe)).as("%s before the crash", probe.what()).allMatch(status -> status == 200);
        }

        Faults.kill("postgres");
        try {
            // While it is away, each says so: 503 in the error shape, with when to try again.
            for (Probe probe : probes) {
                HttpResponse<String> away = HttpClient.newHttpClient().send(probe.request(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(away.statusCode()).as("%s while PostgreSQL is away: %s", probe.what(), away.body())
                        .isEqualTo(503);
                assertThat(away.headers().firstValue("Retry-After")).as(probe.what()).contains("1");
                JsonNode error = JSON.readTree(away.body()).path("error");
                assertThat(error.path("code").asInt()).isEqualTo(503);
                assertThat(error.path("message").asText()).as(probe.what()).contains("database is unavailable");
            }
        } finally {
            Faults.restart("postgres");
        }
        // At once: PostgreSQL accepts connections again, so every request it gets must be answered.
        for (Probe probe : probes) {
            List<Integer> statuses = burst(probe);
            long failed = statuses.stream().filter(status -> status != 200).count();
            System.out.printf("[postgres-restart] %s: %d of %d concurrent requests failed after the restart%n",
                    probe.what(), failed, statuses.size());
            assertThat(statuses).as("%s after PostgreSQL's restart", probe.what()).allMatch(status -> status == 200);
        }
    }

    /** One request that reads (or, for a check, writes) the service's database. */
    private record Probe(String what, int port, String path, String body, String token) {

        HttpRequest request() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(SharedStack.url(port, path)))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
            return body == null ? builder.GET().build()
                    : builder.header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }
    }

    /** {@link #BURST} requests released together; their statuses. Reservations a check made are released. */
    private static List<Integer> burst(Probe probe) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        CyclicBarrier barrier = new CyclicBarrier(BURST);
        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                calls.add(pool.submit(() -> {
                    barrier.await();
                    return http.send(probe.request(), HttpResponse.BodyHandlers.ofString());
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 200) {
                    release(probe, response.body());
                } else {
                    System.out.printf("[postgres-restart] %s answered %d: %s%n", probe.what(), response.statusCode(),
                            response.body());
                }
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    private static void release(Probe probe, String body) throws Exception {
        JsonNode answer = JSON.readTree(body);
        if (answer.path("reservation_id").isTextual()) {
            HttpResponse<String> released = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    SharedStack.url(probe.port(), "/internal/v1/reservations/" + answer.path("reservation_id").asText()
                            + "/release"))).header("Authorization", "Bearer " + probe.token())
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(released.statusCode()).as(released.body()).isEqualTo(204);
        }
    }
}
