package dev.atrium.billing.config;

import dev.atrium.billing.domain.LowBalanceThreshold;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Hands the core its settings as domain values. */
class BillingSettings {

    @Produces
    @Singleton
    LowBalanceThreshold lowBalanceThreshold(BillingConfig config) {
        return new LowBalanceThreshold(config.lowBalanceThreshold());
    }
}
