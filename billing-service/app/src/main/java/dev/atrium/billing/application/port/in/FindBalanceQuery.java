package dev.atrium.billing.application.port.in;

import dev.atrium.billing.domain.Balance;

public interface FindBalanceQuery {

    /** The organization's balance; zero for an organization billing has not met yet. */
    Balance balance(String organizationId);
}
