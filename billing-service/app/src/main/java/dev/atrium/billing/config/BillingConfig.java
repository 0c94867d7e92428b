package dev.atrium.billing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

@ConfigMapping(prefix = "atrium.billing")
public interface BillingConfig {

    /** USD; a balance falling below it publishes a LowBalance event. */
    @WithDefault("5")
    BigDecimal lowBalanceThreshold();

    /** How often every organization's books are checked (a duration like 5m, or off). */
    @WithDefault("5m")
    String invariantCheckInterval();
}
