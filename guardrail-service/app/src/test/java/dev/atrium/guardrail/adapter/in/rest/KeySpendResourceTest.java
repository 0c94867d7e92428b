package dev.atrium.guardrail.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.json.JsonSettings;
import dev.atrium.common.security.Caller;
import dev.atrium.gateway.api.GatewayEvents;
import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.guardrail.api.KeySpend;
import dev.atrium.workspace.api.WorkspaceEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KeySpendResourceTest {

    private static final ObjectMapper JSON = JsonSettings.apply(new ObjectMapper());

    @Test
    @TestSecurity(user = "gateway", roles = Caller.SERVICE)
    void aUsageRecordDeliveredTwiceCountsOnceAgainstTheKeysLimit() {
        Events.send(WorkspaceEvents.TOPIC, "org_spend", WorkspaceEvents.API_KEY_CREATED, WorkspaceEvents.SOURCE,
                new WorkspaceEvents.ApiKeyCreated("key_spend", "ws_spend", "org_spend", "user_1", "ci",
                        new BigDecimal("5"), "monthly", false, null, Instant.now()));
        UsageRecorded first = usage("gen-spend-1", "0.0000150000");
        sendUsage(first);
        sendUsage(first);
        sendUsage(usage("gen-spend-2", "0.25"));

        KeySpend spend = spendOnce("key_spend",
                s -> s.usage().compareTo(new BigDecimal("0.250015")) >= 0 && s.limit() != null);
        assertThat(spend.keyId()).isEqualTo("key_spend");
        assertThat(spend.usage()).isEqualByComparingTo("0.250015");
        assertThat(spend.usageDaily()).isEqualByComparingTo("0.250015");
        assertThat(spend.usageWeekly()).isEqualByComparingTo("0.250015");
        assertThat(spend.usageMonthly()).isEqualByComparingTo("0.250015");
        assertThat(spend.limit()).isEqualByComparingTo("5");
        assertThat(spend.limitRemaining()).isEqualByComparingTo("4.749985");
        assertThat(spend.limitReset()).isEqualTo("monthly");
    }

    @Test
    @TestSecurity(user = "gateway", roles = Caller.SERVICE)
    void aPatchedLimitAndResetReplaceTheOnesTheKeyWasCreatedWith() {
        Events.send(WorkspaceEvents.TOPIC, "org_patch", WorkspaceEvents.API_KEY_CREATED, WorkspaceEvents.SOURCE,
                new WorkspaceEvents.ApiKeyCreated("key_patched", "ws_patch", "org_patch", "user_1", "ci",
                        new BigDecimal("5"), "monthly", false, null, Instant.now()));
        spendOnce("key_patched", s -> s.limit() != null);
        Events.send(WorkspaceEvents.TOPIC, "org_patch", WorkspaceEvents.API_KEY_UPDATED, WorkspaceEvents.SOURCE,
                new WorkspaceEvents.ApiKeyUpdated("key_patched", "ws_patch", "org_patch", "user_1", "ci",
                        new BigDecimal("0.5"), "daily", true, null, false, Instant.now()));

        KeySpend spend = spendOnce("key_patched", s -> s.limit() != null && s.limit().compareTo(BigDecimal.ONE) < 0);
        assertThat(spend.limit()).isEqualByComparingTo("0.5");
        assertThat(spend.limitRemaining()).isEqualByComparingTo("0.5");
        assertThat(spend.limitReset()).isEqualTo("daily");

        Events.send(WorkspaceEvents.TOPIC, "org_patch", WorkspaceEvents.API_KEY_UPDATED, WorkspaceEvents.SOURCE,
                new WorkspaceEvents.ApiKeyUpdated("key_patched", "ws_patch", "org_patch", "user_1", "ci", null, null,
                        false, null, false, Instant.now()));
        KeySpend cleared = spendOnce("key_patched", s -> s.limit() == null);
        assertThat(cleared.limit()).isNull();
        assertThat(cleared.limitReset()).isNull();
    }

    @Test
    @TestSecurity(user = "alice", roles = "/orgs/org_public/admin")
    void theWorkspacesReadersReadAKeysSpendOnItsPublicRouteAndNoOneElseDoes() {
        Events.send(WorkspaceEvents.TOPIC, "org_public", WorkspaceEvents.WORKSPACE_CREATED, WorkspaceEvents.SOURCE,
                new WorkspaceEvents.WorkspaceCreated("ws_public", "org_public", "Public", "ws_public", Instant.now()));
        Events.send(WorkspaceEvents.TOPIC, "org_public", WorkspaceEvents.WORKSPACE_CREATED, WorkspaceEvents.SOURCE,
                new WorkspaceEvents.WorkspaceCreated("ws_public_2", "org_public", "Other", "ws_public_2",
                        Instant.now()));
        Events.send(WorkspaceEvents.TOPIC, "org_public", WorkspaceEvents.API_KEY_CREATED, WorkspaceEvents.SOURCE,
                new WorkspaceEvents.ApiKeyCreated("key_public", "ws_public", "org_public", "user_1", "ci",
                        new BigDecimal("2"), null, false, null, Instant.now()));
        sendUsage(new UsageRecorded("gen-public-1", "org_public", "ws_public", "key_public", "user_1",
                "openai/gpt-4o-mini", "openai", "gpt-4o-mini", 100, 10, new BigDecimal("0.00000015"),
                new BigDecimal("0.0000006"), new BigDecimal("0.5"), false, null, "org:0,ws:0", 120, false, "stop",
                Instant.now()));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        KeySpend spend = null;
        while (System.nanoTime() < deadline) {
            var answer = given().get("/api/v1/workspaces/ws_public/keys/key_public/spend").then().extract();
            if (answer.statusCode() == 200) {
                spend = read(answer.asString());
                if (spend.usage().signum() > 0) {
                    break;
                }
            }
            sleep();
        }
        assertThat(spend).as("the key's spend on its public route").isNotNull();
        assertThat(spend.usage()).isEqualByComparingTo("0.5");
        assertThat(spend.usageMonthly()).isEqualByComparingTo("0.5");
        assertThat(spend.limit()).isEqualByComparingTo("2");
        assertThat(spend.limitRemaining()).isEqualByComparingTo("1.5");

        // The key through another workspace's path, and a workspace of another organization: not found.
        given().get("/api/v1/workspaces/ws_public_2/keys/key_public/spend").then().statusCode(404)
                .body("error.code", org.hamcrest.Matchers.equalTo(404));
        given().get("/api/v1/workspaces/ws_spend/keys/key_spend/spend").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "alice", roles = "/orgs/org_batch/admin")
    void aPageOfKeysSpendIsAnsweredInOneCallWithItsByokPartApart() {
        Events.send(WorkspaceEvents.TOPIC, "org_batch", WorkspaceEvents.WORKSPACE_CREATED, WorkspaceEvents.SOURCE,
                new WorkspaceEvents.WorkspaceCreated("ws_batch", "org_batch", "Batch", "ws_batch", Instant.now()));
        for (String key : new String[] {"key_batch_a", "key_batch_b"}) {
            Events.send(WorkspaceEvents.TOPIC, "org_batch", WorkspaceEvents.API_KEY_CREATED, WorkspaceEvents.SOURCE,
                    new WorkspaceEvents.ApiKeyCreated(key, "ws_batch", "org_batch", "user_1", "ci",
                            new BigDecimal("5"), "monthly", false, null, Instant.now()));
        }
        sendUsage(batchUsage("gen-batch-1", "0.5", false));
        sendUsage(batchUsage("gen-batch-2", "0.25", true));
        String url = "/api/v1/workspaces/ws_batch/keys/spend?key=key_batch_a&key=key_batch_b&key=key_spend";

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        io.restassured.path.json.JsonPath page = null;
        while (System.nanoTime() < deadline) {
            var answer = given().get(url).then().extract();
            page = answer.statusCode() == 200 ? answer.jsonPath() : null;
            if (page != null && page.getList("data").size() == 2
                    && new BigDecimal(page.getString("data[0].usage")).compareTo(new BigDecimal("0.75")) >= 0) {
                break;
            }
            sleep();
        }
        assertThat(page).as("the batch answer").isNotNull();
        // Only the workspace's own keys, by id; key_spend is another organization's.
        assertThat(page.getList("data.key_id")).containsExactly("key_batch_a", "key_batch_b");
        assertThat(new BigDecimal(page.getString("data[0].usage"))).isEqualByComparingTo("0.75");
        assertThat(new BigDecimal(page.getString("data[0].usage_monthly"))).isEqualByComparingTo("0.75");
        assertThat(new BigDecimal(page.getString("data[0].byok_usage"))).isEqualByComparingTo("0.25");
        assertThat(new BigDecimal(page.getString("data[0].byok_usage_daily"))).isEqualByComparingTo("0.25");
        // BYOK spend does not count against a limit that excludes it.
        assertThat(new BigDecimal(page.getString("data[0].limit_remaining"))).isEqualByComparingTo("4.5");
        assertThat(new BigDecimal(page.getString("data[1].usage"))).isEqualByComparingTo("0");
        assertThat(new BigDecimal(page.getString("data[1].byok_usage"))).isEqualByComparingTo("0");
        assertThat(new BigDecimal(page.getString("data[1].limit_remaining"))).isEqualByComparingTo("5");

        given().get("/api/v1/workspaces/ws_batch/keys/spend").then().statusCode(400)
                .body("error.metadata.field", org.hamcrest.Matchers.equalTo("key"));
        given().get("/api/v1/workspaces/ws_spend/keys/spend?key=key_spend").then().statusCode(404);

        // The gateway's GET /api/v1/key reads one key on the internal route: the same figures, BYOK part included.
        ActAs.caller("gateway", Caller.SERVICE);
        KeySpend one = read(given().get("/internal/v1/keys/key_batch_a/spend").then().statusCode(200).extract()
                .asString());
        assertThat(one.usage()).isEqualByComparingTo("0.75");
        assertThat(one.byokUsage()).isEqualByComparingTo("0.25");
        assertThat(one.byokUsageDaily()).isEqualByComparingTo("0.25");
        assertThat(one.byokUsageWeekly()).isEqualByComparingTo("0.25");
        assertThat(one.byokUsageMonthly()).isEqualByComparingTo("0.25");
        assertThat(one.limitRemaining()).isEqualByComparingTo("4.5");
    }

    private static UsageRecorded batchUsage(String generationId, String cost, boolean byok) {
        return new UsageRecorded(generationId, "org_batch", "ws_batch", "key_batch_a", "user_1", "openai/gpt-4o-mini",
                "openai", "gpt-4o-mini", 100, 10, new BigDecimal("0.00000015"), new BigDecimal("0.0000006"),
                new BigDecimal(cost), byok, null, "org:0,ws:0", 120, false, "stop", Instant.now());
    }

    @Test
    @TestSecurity(user = "gateway", roles = Caller.SERVICE)
    void aKeyWithoutUsageOrLimitHasSpentNothing() {
        KeySpend spend = spendOnce("key_silent", s -> true);
        assertThat(spend.usage()).isEqualByComparingTo("0");
        assertThat(spend.limit()).isNull();
        assertThat(spend.limitRemaining()).isNull();
        assertThat(spend.limitReset()).isNull();
    }

    private static UsageRecorded usage(String generationId, String cost) {
        return new UsageRecorded(generationId, "org_spend", "ws_spend", "key_spend", "user_1", "openai/gpt-4o-mini",
                "openai", "gpt-4o-mini", 100, 10, new BigDecimal("0.00000015"), new BigDecimal("0.0000006"),
                new BigDecimal(cost), false, null, "org:0,ws:0", 120, false, "stop", Instant.now());
    }

    private static void sendUsage(UsageRecorded usage) {
        Events.send(GatewayEvents.USAGE_TOPIC, usage.organizationId(), GatewayEvents.USAGE_TYPE,
                GatewayEvents.SOURCE, usage);
    }

    /**
     * Both records of a generation precede the second generation on one partition (same key), so
     * once the second is counted the duplicate has been seen too.
     */
    private static KeySpend spendOnce(String key, Predicate<KeySpend> settled) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            KeySpend spend = read(given().get("/internal/v1/keys/{key}/spend", key)
                    .then().statusCode(200).extract().asString());
            if (settled.test(spend) || System.nanoTime() > deadline) {
                return spend;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Read as the gateway will: the published record, money exact. */
    private static KeySpend read(String json) {
        try {
            return JSON.readValue(json, KeySpend.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not a KeySpend: " + json, e);
        }
    }
}
