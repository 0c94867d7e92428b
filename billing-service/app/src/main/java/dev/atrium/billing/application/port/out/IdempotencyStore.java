package dev.atrium.billing.application.port.out;

import dev.atrium.billing.application.port.in.AddCreditsUseCase.CreditReceipt;
import java.time.Instant;
import java.util.Optional;

/** Idempotency keys with the request they came with and the answer given, in the caller's transaction. */
public interface IdempotencyStore {

    /**
     * Takes the key for this request unless a live (unexpired) request holds it; expired keys are
     * forgotten. A concurrent request with the same key waits until the first one commits.
     *
     * @return the earlier request under this key, or empty when the key is now this request's
     */
    Optional<StoredResponse> claim(String key, String fingerprint, Instant now);

    /** Keeps the answer to the request that claimed the key. */
    void complete(String key, int status, CreditReceipt body);

    record StoredResponse(String fingerprint, int status, CreditReceipt body) {
    }
}
