package dev.atrium.routing.domain;

/** An endpoint's circuit: closed serves, open is left out, half-open may be tried last, once per cool-down. */
public enum CircuitState {
    CLOSED,
    OPEN,
    HALF_OPEN
}
