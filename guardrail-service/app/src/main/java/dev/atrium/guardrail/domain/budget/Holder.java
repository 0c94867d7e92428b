package dev.atrium.guardrail.domain.budget;

import java.util.Objects;

/**
 * The gateway instance that holds a reservation and the life of that instance (a start) in which it was
 * taken. A later life of the same instance gives back what earlier lives held: they ended, so nothing
 * of theirs will settle or release it. A life never gives back its own holds, and an instance never
 * another instance's.
 */
public record Holder(String instance, String life) {

    public static final int MAX_INSTANCE = 128;
    public static final int MAX_LIFE = 64;

    public Holder {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(life, "life");
        if (instance.isBlank() || instance.length() > MAX_INSTANCE || life.isBlank() || life.length() > MAX_LIFE) {
            throw new IllegalArgumentException("A holder is an instance of 1 to " + MAX_INSTANCE
                    + " characters and a life of 1 to " + MAX_LIFE);
        }
    }

    /** Whether this life's start makes {@code reservation} stranded: held by this instance in another life. */
    public boolean outlived(Reservation reservation) {
        Holder by = reservation.holder();
        return by != null && by.instance.equals(instance) && !by.life.equals(life);
    }
}
