package dev.atrium.guardrail.application.port.in;

public interface ExpireReservationsUseCase {

    /** Releases reservations older than the configured time to live; returns how many. */
    int expire();
}
