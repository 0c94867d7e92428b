package dev.atrium.billing.application.port.in;

import dev.atrium.billing.domain.CreditKind;
import dev.atrium.billing.domain.Fingerprint;
import dev.atrium.billing.domain.IdempotencyKey;
import dev.atrium.billing.domain.Money;
import dev.atrium.common.error.InvalidFieldException;
import java.math.BigDecimal;
import java.time.Instant;

/** A platform admin adds credits to an organization, at most once per idempotency key. */
public interface AddCreditsUseCase {

    String IDEMPOTENCY_HEADER = "Idempotency-Key";

    CreditOutcome add(AddCreditsCommand command);

    record AddCreditsCommand(String organizationId, String idempotencyKey, BigDecimal amount, CreditKind kind,
            String note, String createdBy) {

        public static AddCreditsCommand of(String organizationId, String idempotencyKey, BigDecimal amount,
                String currency, String kind, String note, String createdBy) {
            if (!IdempotencyKey.isWellFormed(idempotencyKey)) {
                throw new InvalidFieldException(IDEMPOTENCY_HEADER,
                        "The Idempotency-Key header is required: 1-255 printable ASCII characters");
            }
            if (amount == null || amount.signum() <= 0) {
                throw new InvalidFieldException("amount", "amount must be a number greater than 0");
            }
            if (!Money.isExact(amount)) {
                throw new InvalidFieldException("amount", "amount must have at most " + Money.SCALE + " decimals");
            }
            if (amount.compareTo(Money.MAX_AMOUNT) > 0) {
                throw new InvalidFieldException("amount", "amount must be at most " + Money.MAX_AMOUNT.toPlainString());
            }
            if (!Money.CURRENCY.equals(currency)) {
                throw new InvalidFieldException("currency", "currency must be USD");
            }
            CreditKind creditKind;
            try {
                creditKind = CreditKind.parse(kind);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("kind", e.getMessage());
            }
            String cleanNote = note == null || note.isBlank() ? null : Fields.optional("note", note.strip(), 500);
            return new AddCreditsCommand(Fields.id("organization_id", organizationId), idempotencyKey,
                    Money.of(amount), creditKind, cleanNote, createdBy);
        }

        /** What makes two requests "the same" under one key: everything but who sent it. */
        public String fingerprint() {
            return Fingerprint.of("credits", organizationId, amount.toPlainString(), Money.CURRENCY, kind.wire(), note);
        }
    }

    /** The answer to the creation, kept to be replayed for the same key. */
    record CreditReceipt(String id, String organizationId, BigDecimal amount, String currency, String kind,
            String note, BigDecimal balance, Instant createdAt) {
    }

    /** @param replayed true when this is the stored answer to an earlier request with the same key */
    record CreditOutcome(int status, CreditReceipt receipt, boolean replayed) {
    }
}
