package dev.atrium.billing.adapter.out.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.billing.api.BalanceChanged;
import dev.atrium.billing.api.BillingEvents;
import dev.atrium.billing.api.LowBalance;
import dev.atrium.billing.application.port.out.BalanceEventPublisher;
import dev.atrium.billing.domain.Balance;
import dev.atrium.billing.domain.BalanceEvent;
import dev.atrium.billing.domain.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Writes the events into the shared outbox table (common/outbox's migration 0.1; its relay sends
 * them on in seq order) as one JDBC batch, in the caller's transaction. A usage batch announces a
 * balance per organization, often dozens: one round trip instead of one per event (the outbox's
 * entity takes its IDENTITY key row by row) is what keeps the ledger's pace on a busy machine.
 * Written outside any request, so the events carry no trace parent.
 */
@ApplicationScoped
class OutboxBalanceEventPublisher implements BalanceEventPublisher {

    private static final String INSERT = "INSERT INTO outbox_event (event_id, topic, record_key, event_type, source,"
            + " payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    OutboxBalanceEventPublisher(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void publish(List<BalanceEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (BalanceEvent event : events) {
                    insert.setString(1, "evt-" + UUID.randomUUID());
                    insert.setString(2, BillingEvents.BALANCE_TOPIC);
                    insert.setString(3, event.balance().organizationId());
                    insert.setString(4, event instanceof BalanceEvent.Low ? BillingEvents.LOW_BALANCE
                            : BillingEvents.BALANCE_CHANGED);
                    insert.setString(5, BillingEvents.SOURCE);
                    insert.setString(6, payload(event));
                    insert.setObject(7, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private String payload(BalanceEvent event) {
        Balance b = event.balance();
        Object payload = event instanceof BalanceEvent.Low low
                ? new LowBalance(b.organizationId(), b.amount(), low.threshold().amount(), Money.CURRENCY,
                        b.revision(), low.reference(), b.updatedAt())
                : new BalanceChanged(b.organizationId(), b.amount(), Money.CURRENCY, b.revision(),
                        ((BalanceEvent.Changed) event).cause().wire(), event.reference(), b.updatedAt());
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A balance event is not serializable", e);
        }
    }
}
