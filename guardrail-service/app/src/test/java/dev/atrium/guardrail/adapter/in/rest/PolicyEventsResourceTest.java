package dev.atrium.guardrail.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.security.Caller;
import dev.atrium.guardrail.api.GuardrailEvents;
import dev.atrium.workspace.api.WorkspaceEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Policy changes reach atrium.guardrail.events through the outbox; rejected writes publish nothing. */
@QuarkusTest
class PolicyEventsResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @TestSecurity(user = "ops", roles = Caller.PLATFORM_ADMIN)
    void aCeilingWriteIsPublishedWithItsRevisionKeyedByTheOrganization() throws Exception {
        put("/api/v1/organizations/org_evt_ceiling/guardrails", Map.of("max_tokens", 2048)).then().statusCode(200);
        put("/api/v1/organizations/org_evt_ceiling/guardrails", Map.of("max_tokens", 1024, "allowed_models",
                List.of("openai/*"))).then().statusCode(200);

        List<ConsumerRecord<String, String>> records = ofOrganization("org_evt_ceiling", 2);
        ConsumerRecord<String, String> second = records.get(1);
        assertThat(header(second, "ce_type")).isEqualTo(GuardrailEvents.POLICY_CHANGED);
        assertThat(header(second, "ce_source")).isEqualTo(GuardrailEvents.SOURCE);
        JsonNode event = JSON.readTree(second.value());
        assertThat(event.get("organization_id").asText()).isEqualTo("org_evt_ceiling");
        assertThat(event.get("workspace_id").isNull()).isTrue();
        assertThat(event.get("level").asText()).isEqualTo("organization");
        assertThat(event.get("revision").asLong()).isEqualTo(2);
        assertThat(event.get("changed_fields")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("max_tokens", "allowed_models");
        assertThat(event.get("changed_by").asText()).isEqualTo("ops");
        assertThat(JSON.readTree(records.get(0).value()).get("revision").asLong()).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "ops", roles = Caller.PLATFORM_ADMIN)
    void aRejectedWritePublishesNothing() throws Exception {
        put("/api/v1/organizations/org_evt_rejected/guardrails",
                Map.of("budgets", List.of(Map.of("window", "hourly", "limit", 10)))).then().statusCode(400);
        put("/api/v1/organizations/org_evt_rejected/guardrails", Map.of("max_tokens", 0)).then().statusCode(400);
        // A later accepted write follows the rejected ones in commit order: only it was published.
        put("/api/v1/organizations/org_evt_rejected/guardrails", Map.of("max_tokens", 100)).then().statusCode(200);

        List<ConsumerRecord<String, String>> records = ofOrganization("org_evt_rejected", 1);
        JsonNode event = JSON.readTree(records.get(0).value());
        assertThat(event.get("revision").asLong()).isEqualTo(1);
        assertThat(event.get("changed_fields")).extracting(JsonNode::asText).containsExactly("max_tokens");
    }

    @Test
    @TestSecurity(user = "alice", roles = "/orgs/org_evt_ws/admin")
    void keyAndMemberWritesNameTheirWorkspaceAndScope() throws Exception {
        Events.send(WorkspaceEvents.TOPIC, "org_evt_ws", WorkspaceEvents.WORKSPACE_CREATED, WorkspaceEvents.SOURCE,
                new WorkspaceEvents.WorkspaceCreated("ws_evt", "org_evt_ws", "Prod", "prod", Instant.now()));
        putOnceKnown("/api/v1/workspaces/ws_evt/members/bob/guardrails", Map.of("max_tokens", 500));

        JsonNode member = JSON.readTree(ofOrganization("org_evt_ws", 1).get(0).value());
        assertThat(member.get("workspace_id").asText()).isEqualTo("ws_evt");
        assertThat(member.get("level").asText()).isEqualTo("member");
        assertThat(member.get("user_id").asText()).isEqualTo("bob");
        assertThat(member.get("key_id").isNull()).isTrue();
        assertThat(member.get("revision").asLong()).isEqualTo(1);
    }

    private static io.restassured.response.Response put(String path, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).put(path);
    }

    private static void putOnceKnown(String path, Map<String, ?> body) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status;
        while ((status = put(path, body).statusCode()) == 404 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(status).as("PUT %s once the workspace event arrived", path).isEqualTo(200);
    }

    /**
     * The organization's policy events from the start of the topic: read until {@code count}
     * arrived, then a second longer, so an extra one (say, from a rejected write) would be seen.
     */
    private static List<ConsumerRecord<String, String>> ofOrganization(String organizationId, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(GuardrailEvents.TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (organizationId.equals(r.key())) {
                        mine.add(r);
                    }
                }
                if (mine.size() >= count && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
            }
        }
        assertThat(mine).as("policy events of %s", organizationId).hasSize(count);
        return mine;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
