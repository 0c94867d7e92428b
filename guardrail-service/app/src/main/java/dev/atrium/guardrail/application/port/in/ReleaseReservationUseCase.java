package dev.atrium.guardrail.application.port.in;

public interface ReleaseReservationUseCase {

    /** Gives back what the reservation holds; false when it was settled, released or expired before. */
    boolean release(String reservationId);
}
