package dev.atrium.billing.application.port.in;

import dev.atrium.billing.domain.CreditSummary;

public interface FindCreditSummaryQuery {

    /** Zeros for an organization billing has not met yet. */
    CreditSummary credits(String organizationId);
}
