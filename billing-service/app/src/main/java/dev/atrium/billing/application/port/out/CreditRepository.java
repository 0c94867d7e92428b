package dev.atrium.billing.application.port.out;

import dev.atrium.billing.domain.Credit;
import java.math.BigDecimal;

public interface CreditRepository {

    void add(Credit credit);

    /** Every credit ever added to the organization, top-ups and grants; zero when none. */
    BigDecimal totalAdded(String organizationId);
}
