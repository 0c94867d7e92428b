package dev.atrium.routing.api;

/** Topic and CloudEvents types routing-service publishes. */
public final class RoutingEvents {

    public static final String TOPIC = "atrium.routing.events";
    public static final String SOURCE = "/atrium/routing-service";

    private RoutingEvents() {
    }
}
