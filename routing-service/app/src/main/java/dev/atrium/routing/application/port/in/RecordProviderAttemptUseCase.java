package dev.atrium.routing.application.port.in;

import dev.atrium.routing.domain.Attempt;

public interface RecordProviderAttemptUseCase {

    /** Stores the attempt once; false for a repeated event id. */
    boolean record(Attempt attempt);

    /** Stores a polled batch in one transaction; repeated event ids are skipped. The number stored. */
    int recordAll(java.util.List<Attempt> attempts);
}
