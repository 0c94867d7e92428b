package dev.atrium.billing.application.port.out;

import dev.atrium.billing.domain.Credit;

public interface CreditRepository {

    void add(Credit credit);
}
