package dev.atrium.workspace.application.port.in;

/** Copies the directory's memberships into this service's record once, after the upgrade that needs it. */
public interface BackfillMembersUseCase {

    /** The number of memberships read from the directory; zero once the copy was made. */
    int backfill();
}
