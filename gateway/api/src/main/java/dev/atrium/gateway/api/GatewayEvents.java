package dev.atrium.gateway.api;

/** Topics and CloudEvents types the gateway publishes. */
public final class GatewayEvents {

    public static final String USAGE_TOPIC = "atrium.usage.recorded";
    public static final String USAGE_TYPE = "dev.atrium.gateway.usage.recorded.v1";
    public static final String ATTEMPTS_TOPIC = "atrium.provider.attempts";
    public static final String ATTEMPT_TYPE = "dev.atrium.gateway.provider.attempt.v1";
    public static final String SOURCE = "/atrium/gateway";

    private GatewayEvents() {
    }
}
