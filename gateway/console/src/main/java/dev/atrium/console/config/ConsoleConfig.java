package dev.atrium.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the console finds the services whose APIs it shows; it keeps nothing of its own. */
@ConfigMapping(prefix = "atrium.console")
public interface ConsoleConfig {

    String workspaceUrl();

    String guardrailUrl();

    String routingUrl();

    String billingUrl();

    /** The gateway, for explain (called with the API key the user pastes). */
    String gatewayUrl();

    /** A page waits this long for one service call before it shows the call as failed. */
    @WithDefault("5s")
    Duration callTimeout();
}
