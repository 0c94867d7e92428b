package dev.atrium.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.ProviderPreferences;
import dev.atrium.routing.application.port.in.PlanRouteUseCase;
import dev.atrium.routing.application.port.in.PlanRouteUseCase.PlanRouteCommand;
import dev.atrium.routing.application.port.in.RecordProviderAttemptUseCase;
import dev.atrium.routing.domain.Attempt;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Prints what the gateway's two calls on routing cost (docs/benchmarks.md): recording provider
 * attempts and planning a route. Timings are printed, never asserted; the machine decides them.
 */
@QuarkusTest
class HotPathCostTest {

    private static final String PLAN_BODY = """
            {"workspace_id":"ws_cost","model":"openai/gpt-4o-mini","provider":{"sort":"price"},"parameters":["tools"]}""";

    private static final int ROUNDS = 5;

    @Inject
    RecordProviderAttemptUseCase recordAttempts;

    @Inject
    PlanRouteUseCase planRoute;

    @TestHTTPResource("/internal/v1/routes/plan")
    URI planUri;

    @Test
    void printsTheCostOfRecordingProviderAttempts() {
        String provider = "cost-" + UUID.randomUUID().toString().substring(0, 8);
        for (int round = 0; round < 5; round++) {
            recordAttempts.recordAll(attempts(provider, 500));
        }
        measureBatches(provider, 500, 10);
        measureBatches(provider, 1, 300);
    }

    /** The cheapest of five rounds: the machine's other work only ever adds. */
    private void measureBatches(String provider, int size, int batches) {
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        long records = (long) size * batches;
        for (int round = 0; round < ROUNDS; round++) {
            List<List<Attempt>> work = new ArrayList<>();
            for (int i = 0; i < batches; i++) {
                work.add(attempts(provider, size));
            }
            long pg = CpuMeter.postgresNanos("atrium_routing");
            long cpu = CpuMeter.currentThreadNanos();
            long wall = System.nanoTime();
            int added = 0;
            for (List<Attempt> batch : work) {
                added += recordAttempts.recordAll(batch);
            }
            best[0] = Math.min(best[0], (System.nanoTime() - wall) / 1e3 / records);
            best[1] = Math.min(best[1], (CpuMeter.currentThreadNanos() - cpu) / 1e3 / records);
            best[2] = Math.min(best[2], (CpuMeter.postgresNanos("atrium_routing") - pg) / 1e3 / records);
            assertThat(added).isEqualTo(records);
        }
        System.out.printf("COST recordAll, %d batches of %d (best of %d): %.1f us wall, %.1f us routing CPU,"
                + " %.1f us PostgreSQL CPU per attempt%n", batches, size, ROUNDS, best[0], best[1], best[2]);
    }

    @Test
    @TestSecurity(user = "service-account-atrium-gateway", roles = "atrium-service")
    void printsTheCostOfPlanningARoute() throws Exception {
        PlanRouteCommand command = PlanRouteCommand.of(new PlanRequest("ws_cost", "openai/gpt-4o-mini", null,
                new ProviderPreferences(null, null, null, null, "price", null, null, null, null, null),
                List.of("tools")));
        for (int i = 0; i < 20_000; i++) {
            planRoute.plan(command);
        }
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        int calls = 20_000;
        for (int round = 0; round < ROUNDS; round++) {
            long cpu = CpuMeter.currentThreadNanos();
            long wall = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                planRoute.plan(command);
            }
            best[0] = Math.min(best[0], (System.nanoTime() - wall) / 1e3 / calls);
            best[1] = Math.min(best[1], (CpuMeter.currentThreadNanos() - cpu) / 1e3 / calls);
        }
        System.out.printf("COST plan use case, %d calls (best of %d): %.1f us wall, %.1f us CPU per call%n", calls,
                ROUNDS, best[0], best[1]);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(planUri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PLAN_BODY)).build();
        for (int i = 0; i < 2_000; i++) {
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        best = new double[] {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        int httpCalls = 2_000;
        for (int round = 0; round < ROUNDS; round++) {
            long server = CpuMeter.serverThreadNanos();
            long pg = CpuMeter.postgresNanos("atrium_routing");
            long wall = System.nanoTime();
            for (int i = 0; i < httpCalls; i++) {
                http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            best[0] = Math.min(best[0], (System.nanoTime() - wall) / 1e3 / httpCalls);
            best[1] = Math.min(best[1], (CpuMeter.serverThreadNanos() - server) / 1e3 / httpCalls);
            best[2] = Math.min(best[2], (CpuMeter.postgresNanos("atrium_routing") - pg) / 1e3 / httpCalls);
        }
        System.out.printf("COST POST /internal/v1/routes/plan, %d calls (best of %d): %.1f us wall, %.1f us"
                + " server-thread CPU, %.1f us PostgreSQL CPU per call%n", httpCalls, ROUNDS, best[0], best[1],
                best[2]);
    }

    private static List<Attempt> attempts(String provider, int count) {
        Instant now = Instant.now();
        List<Attempt> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean ok = i % 10 != 0;
            batch.add(new Attempt("att-" + UUID.randomUUID(), "gen-" + UUID.randomUUID(), provider,
                    "openai/gpt-4o-mini", ok ? "success" : "error", ok ? 200 : 503, 300 + i % 700,
                    ok ? Long.valueOf(80 + i % 50) : null, ok ? 100 + i % 300 : 0, now.minusMillis(i)));
        }
        return batch;
    }
}
