package dev.atrium.workspace.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.local.testing.KafkaRecords;
import dev.atrium.workspace.api.WorkspaceEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A crash between the commit and the relay leaves committed events in the outbox that no wake-up will
 * announce (written here straight into the table, as a process that died after its commit would have
 * left them): the relay's next pass still sends each exactly once, one organization's in commit order,
 * and empties the table.
 */
@QuarkusTest
class OutboxRecoveryTest {

    @Inject
    AgroalDataSource db;

    @Test
    void eventsLeftByACrashAreSentOnceInOrder() throws Exception {
        String org = "org_crash_" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO outbox_event (event_id, topic, record_key, event_type, source, payload, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < 5; i++) {
                String id = "evt-crash-" + UUID.randomUUID();
                ids.add(id);
                insert.setString(1, id);
                insert.setString(2, WorkspaceEvents.TOPIC);
                insert.setString(3, org);
                insert.setString(4, WorkspaceEvents.ORGANIZATION_UPDATED);
                insert.setString(5, WorkspaceEvents.SOURCE);
                insert.setString(6, "{\"organization_id\":\"" + org + "\",\"name\":\"step " + i + "\"}");
                insert.setTimestamp(7, Timestamp.from(Instant.now()));
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }

        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        KafkaRecords.readUntil(bootstrap, WorkspaceEvents.TOPIC,
                r -> r.value().contains("\"step 4\"") && org.equals(r.key()), Duration.ofSeconds(30));
        // Everything on the topic once the last one arrived, read on a little: a second copy would show.
        List<ConsumerRecord<String, String>> all = KafkaRecords.readFor(bootstrap, WorkspaceEvents.TOPIC,
                Duration.ofSeconds(3));

        List<String> sent = all.stream().filter(r -> org.equals(r.key()))
                .map(r -> new String(r.headers().lastHeader("ce_id").value())).toList();
        assertThat(sent).containsExactlyElementsOf(ids);
        try (Connection c = db.getConnection(); PreparedStatement left = c.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE record_key = ?")) {
            left.setString(1, org);
            try (ResultSet r = left.executeQuery()) {
                r.next();
                assertThat(r.getLong(1)).isZero();
            }
        }
    }
}
