package dev.atrium.guardrail.application.port.in;

import java.math.BigDecimal;

public interface RecordBalanceUseCase {

    /** Keeps billing's latest balance of an organization; false when an equal or newer revision is known. */
    boolean record(String organizationId, BigDecimal balance, long revision);
}
