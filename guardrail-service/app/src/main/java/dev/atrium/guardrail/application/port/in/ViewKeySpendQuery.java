package dev.atrium.guardrail.application.port.in;

import dev.atrium.guardrail.domain.budget.KeySpend;

public interface ViewKeySpendQuery {

    /** The key's spend now; zero for a key that has spent nothing or that we do not know yet. */
    KeySpend spend(String keyId);
}
