package dev.atrium.guardrail.application.port.out;

import java.time.Instant;

/** Event ids already applied, recorded in the same transaction as their effect. */
public interface ProcessedEvents {

    /** Records the id; false when it was recorded before (a redelivery to skip). */
    boolean markProcessed(String eventId, String type, Instant at);
}
