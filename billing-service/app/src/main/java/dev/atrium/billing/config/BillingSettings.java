package dev.atrium.billing.config;

import dev.atrium.billing.domain.ByokFee;
import dev.atrium.billing.domain.LowBalanceThreshold;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Hands the core its settings as domain values. */
class BillingSettings {

    @Produces
    @Singleton
    LowBalanceThreshold lowBalanceThreshold(BillingConfig config) {
        return new LowBalanceThreshold(config.lowBalanceThreshold());
    }

    /** A percentage outside 0..100 stops the service at start, before it books anything. */
    @Produces
    @Singleton
    @Startup
    ByokFee byokFee(BillingConfig config) {
        return new ByokFee(config.byokFeePercent());
    }
}
