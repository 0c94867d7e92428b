package dev.atrium.workspace.domain;

import java.time.Instant;

/** The last delivery outcomes of one observability destination, as the gateway reported them. */
public record DeliveryHealth(Instant lastSuccessAt, String lastError, Instant lastErrorAt) {

    public static final DeliveryHealth NONE = new DeliveryHealth(null, null, null);
}
