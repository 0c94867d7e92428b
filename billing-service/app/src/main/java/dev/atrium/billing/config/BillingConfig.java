package dev.atrium.billing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

@ConfigMapping(prefix = "atrium.billing")
public interface BillingConfig {

    /** USD; a balance falling below it publishes a LowBalance event. */
    @WithDefault("5")
    BigDecimal lowBalanceThreshold();

    /**
     * Percent of the upstream cost charged for a generation the workspace's own provider key paid
     * for (0 to 100, exact; 0 charges nothing). The fee is rounded HALF_EVEN to 10 decimals.
     */
    @WithDefault("0")
    BigDecimal byokFeePercent();

    /** How often every organization's books are checked (a duration like 5m, or off). */
    @WithDefault("5m")
    String invariantCheckInterval();
}
