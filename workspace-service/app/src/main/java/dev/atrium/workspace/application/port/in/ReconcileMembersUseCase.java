package dev.atrium.workspace.application.port.in;

/** Notices users deleted in the directory (Keycloak) and removes them here, their keys with them. */
public interface ReconcileMembersUseCase {

    /** Checks the next batch of known users; the number found deleted. */
    int reconcile();
}
