package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import dev.atrium.local.Ports;
import dev.atrium.systemtests.OtlpReceiver.ReceivedSpan;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's observability across the launched stack: one request is one trace, from the gateway
 * through workspace, guardrail and routing over HTTP and through Kafka to billing, collected by
 * an in-process OTLP receiver; and each service's Prometheus metrics count it.
 */
class TracingAndMetricsTest {

    private static final String MODEL = "openai/gpt-4o-mini";
    private static final Duration EXPORT_WAIT = Duration.ofSeconds(60);

    private static Ports ports;
    private static String token;
    private static String workspace;
    private static String apiKey;

    @BeforeAll
    static void organizationWithAKeyAndCredits() {
        ports = SharedStack.ports();
        token = SharedStack.adminToken();
        String slug = "traced-" + UUID.randomUUID().toString().substring(0, 8);
        String org = admin().body(Map.of("name", "Traced", "slug", slug))
                .post(url(ports.workspace(), "/api/v1/organizations")).then().statusCode(201).extract().path("id");
        workspace = admin().body(Map.of("name", "Prod", "slug", "prod"))
                .post(url(ports.workspace(), "/api/v1/organizations/" + org + "/workspaces"))
                .then().statusCode(201).extract().path("id");
        apiKey = admin().body(Map.of("name", "traced"))
                .post(url(ports.workspace(), "/api/v1/workspaces/" + workspace + "/keys"))
                .then().statusCode(201).extract().path("key");
        admin().header("Idempotency-Key", "traced-" + org)
                .body(Map.of("amount", 10, "currency", "USD", "kind", "top_up", "note", "tracing test"))
                .post(url(ports.billing(), "/api/v1/organizations/" + org + "/credits")).then().statusCode(201);
        Tenants.awaitGuardrailCredits(org, workspace);
    }

    @Test
    void oneRequestIsOneTraceFromGatewayThroughKafkaToBilling() throws Exception {
        // The client's own trace context: the gateway continues it, so the trace id is known here.
        String traceId = UUID.randomUUID().toString().replace("-", "");
        given().header("Authorization", "Bearer " + apiKey)
                .header("traceparent", "00-" + traceId + "-" + "a1b2c3d4e5f60718" + "-01")
                .contentType(ContentType.JSON)
                .body(Map.of("model", MODEL, "messages", List.of(Map.of("role", "user", "content", "Trace me"))))
                .post(url(ports.gateway(), "/api/v1/chat/completions"))
                .then().statusCode(200).body("id", startsWith("gen-"));

        Set<String> expected = Set.of("gateway", "workspace-service", "guardrail-service", "routing-service",
                "billing-service");
        // Spans leave each service when they end, in batches: wait for the last one the assertions need.
        List<ReceivedSpan> trace = awaitSpans(traceId, spans -> spans.stream().map(ReceivedSpan::service)
                .collect(Collectors.toSet()).containsAll(expected)
                && spans.stream().anyMatch(s -> s.parentSpanId().equals("a1b2c3d4e5f60718"))
                && spans.stream().anyMatch(s -> s.service().equals("gateway") && s.kind() == 4));
        Set<String> services = trace.stream().map(ReceivedSpan::service).collect(Collectors.toSet());
        assertThat(services).as("services with spans in trace %s: %s", traceId, trace).containsAll(expected);

        // The gateway's server span continues the client's span; the usage record crosses Kafka as
        // a producer span (kind 4) that billing's consumer span (kind 5) names as its parent.
        assertThat(trace).anySatisfy(s -> {
            assertThat(s.service()).isEqualTo("gateway");
            assertThat(s.parentSpanId()).isEqualTo("a1b2c3d4e5f60718");
        });
        ReceivedSpan publish = trace.stream().filter(s -> s.service().equals("gateway") && s.kind() == 4
                && s.name().startsWith("atrium.usage.recorded")).findFirst().orElseThrow(
                        () -> new AssertionError("no producer span of the usage record in " + trace));
        assertThat(trace).anySatisfy(s -> {
            assertThat(s.service()).isEqualTo("billing-service");
            assertThat(s.kind()).isEqualTo(5);
            assertThat(s.parentSpanId()).isEqualTo(publish.spanId());
        });
    }

    @Test
    void anOutboxEventJoinsTheTraceOfTheRequestThatWroteIt() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        admin().header("traceparent", "00-" + traceId + "-" + "b1b2c3d4e5f60718" + "-01")
                .body(Map.of("name", "traced-outbox"))
                .post(url(ports.workspace(), "/api/v1/workspaces/" + workspace + "/keys")).then().statusCode(201);

        // workspace-service writes the key and its event in one transaction; the relay sends the
        // event later under the request's trace, and every consumer of workspace events continues it.
        List<ReceivedSpan> trace = awaitSpans(traceId, spans -> spans.stream()
                .anyMatch(s -> s.service().equals("workspace-service") && s.kind() == 4)
                && spans.stream().anyMatch(s -> s.kind() == 5));
        ReceivedSpan publish = trace.stream().filter(s -> s.service().equals("workspace-service") && s.kind() == 4)
                .findFirst().orElseThrow(() -> new AssertionError("no relay span in " + trace));
        assertThat(publish.name()).isEqualTo("atrium.workspace.events publish");
        assertThat(trace).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(5);
            assertThat(s.parentSpanId()).isEqualTo(publish.spanId());
        });
    }

    @Test
    void prometheusMetricsCountTheGenerationAndTheUsageLagOnTheManagementPortOnly() throws Exception {
        given().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON)
                .body(Map.of("model", MODEL, "messages", List.of(Map.of("role", "user", "content", "Count me"))))
                .post(url(ports.gateway(), "/api/v1/chat/completions")).then().statusCode(200);

        String gateway = Metrics.of(ports.gateway());
        assertThat(Metrics.sample(gateway, "atrium_gateway_generations_seconds_count",
                "model=\"" + MODEL + "\""))
                .as(gateway).isGreaterThanOrEqualTo(1);
        assertThat(gateway).as("no series names a tenant's workspace (per-workspace labels are off)")
                .doesNotContain(workspace);
        given().get(url(ports.gateway(), "/q/metrics")).then().statusCode(404);
        given().get(url(ports.billing(), "/q/metrics")).then().statusCode(404);
        assertThat(Metrics.sample(gateway, "atrium_gateway_upstream_latency_seconds_count", "outcome=\"success\""))
                .isGreaterThanOrEqualTo(1);

        long deadline = System.nanoTime() + EXPORT_WAIT.toNanos();
        double lagged = -1;
        while (System.nanoTime() < deadline && lagged < 1) {
            lagged = Metrics.sample(Metrics.of(ports.billing()), "atrium_billing_usage_lag_seconds_count", "");
            Thread.sleep(250);
        }
        assertThat(lagged).isGreaterThanOrEqualTo(1);
        assertThat(Metrics.sample(Metrics.of(ports.guardrail()), "atrium_guardrail_reservations_open", ""))
                .isNotNegative();
        assertThat(Metrics.sample(Metrics.of(ports.workspace()), "atrium_outbox_backlog_events", "")).isNotNegative();
    }

    private static List<ReceivedSpan> awaitSpans(String traceId, Predicate<List<ReceivedSpan>> complete)
            throws InterruptedException {
        long deadline = System.nanoTime() + EXPORT_WAIT.toNanos();
        List<ReceivedSpan> trace = List.of();
        while (System.nanoTime() < deadline) {
            trace = SharedStack.otlp().spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
            if (complete.test(trace)) {
                return trace;
            }
            Thread.sleep(250);
        }
        return trace;
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static String url(int port, String path) {
        return SharedStack.url(port, path);
    }
}
