package dev.atrium.billing.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.billing.application.port.in.AddCreditsUseCase.CreditReceipt;
import dev.atrium.billing.application.port.out.IdempotencyStore;
import dev.atrium.billing.domain.IdempotencyKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;

/** The answer is kept as the JSON of the receipt, which is the body the API answered. */
@ApplicationScoped
class IdempotencyPersistenceAdapter implements IdempotencyStore {

    private final EntityManager em;
    private final ObjectMapper json;

    IdempotencyPersistenceAdapter(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Override
    public Optional<StoredResponse> claim(String key, String fingerprint, Instant now) {
        em.createNativeQuery("DELETE FROM idempotency_key WHERE created_at <= :expired")
                .setParameter("expired", IdempotencyKey.expiredBefore(now)).executeUpdate();
        int claimed = em.createNativeQuery("""
                INSERT INTO idempotency_key (idempotency_key, fingerprint, created_at)
                VALUES (:key, :fingerprint, :now) ON CONFLICT (idempotency_key) DO NOTHING""")
                .setParameter("key", key).setParameter("fingerprint", fingerprint).setParameter("now", now)
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        IdempotencyKeyEntity held = IdempotencyKeyEntity.findById(key);
        if (held == null || held.responseStatus == null) {
            // Unreachable while claim and answer share one transaction; refuse rather than guess.
            throw new IllegalStateException("Idempotency key without a stored answer");
        }
        return Optional.of(new StoredResponse(held.fingerprint, held.responseStatus, read(held.responseBody)));
    }

    @Override
    public void complete(String key, int status, CreditReceipt body) {
        IdempotencyKeyEntity held = IdempotencyKeyEntity.findById(key);
        held.responseStatus = status;
        try {
            held.responseBody = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Credit receipt is not serializable", e);
        }
    }

    private CreditReceipt read(String body) {
        try {
            return json.readValue(body, CreditReceipt.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored idempotent answer is unreadable", e);
        }
    }
}
