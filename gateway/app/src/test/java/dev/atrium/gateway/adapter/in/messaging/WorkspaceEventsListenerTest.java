package dev.atrium.gateway.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.gateway.adapter.in.rest.FakeInternalServices;
import dev.atrium.local.testing.KafkaRecords;
import dev.atrium.workspace.api.WorkspaceEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Workspace events on the real broker make this gateway forget keys and workspaces. */
@QuarkusTest
class WorkspaceEventsListenerTest {

    @Test
    void aChangedKeyAndAnArchivedWorkspaceAreForgottenAndOtherEventsIgnored() throws InterruptedException {
        // The listener reads from the end: keep sending until its consumer has joined and sees one.
        awaitListening(Duration.ofSeconds(60));

        String ws = "ws_" + UUID.randomUUID();
        send(WorkspaceEvents.WORKSPACE_CREATED, "{\"workspace_id\":\"" + ws + "_created\"}");
        send(WorkspaceEvents.WORKSPACE_ARCHIVED, "{\"workspace_id\":\"" + ws + "\",\"organization_id\":\"org\"}");
        String key = "key_" + UUID.randomUUID();
        send(WorkspaceEvents.API_KEY_UPDATED, "{\"key_id\":\"" + key + "\",\"disabled\":true}");

        String orphan = "key_" + UUID.randomUUID();
        send(WorkspaceEvents.API_KEY_OWNER_REMOVED, "{\"key_id\":\"" + orphan + "\",\"owner_user_id\":\"u\"}");

        assertThat(waitFor("key:" + key, Duration.ofSeconds(10))).isTrue();
        assertThat(waitFor("key:" + orphan, Duration.ofSeconds(10))).as("a key whose owner was removed").isTrue();
        assertThat(FakeInternalServices.FORGOTTEN).contains("workspace:" + ws)
                .doesNotContain("workspace:" + ws + "_created");
    }

    private static void awaitListening(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String id = "key_" + UUID.randomUUID();
            send(WorkspaceEvents.API_KEY_REVOKED, "{\"key_id\":\"" + id + "\"}");
            if (waitFor("key:" + id, Duration.ofSeconds(2))) {
                return;
            }
        }
        throw new AssertionError("The gateway never read atrium.workspace.events");
    }

    private static boolean waitFor(String entry, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (FakeInternalServices.FORGOTTEN.contains(entry)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static void send(String type, String payload) {
        KafkaRecords.send(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                WorkspaceEvents.TOPIC, "org", payload,
                CloudEventHeaders.of(UUID.randomUUID().toString(), type, WorkspaceEvents.SOURCE, Instant.now()));
    }
}
