package dev.atrium.routing.api;

import java.util.List;

/** Every candidate endpoint, in the order the gateway should try them. */
public record RoutePlan(List<Candidate> candidates) {
}
