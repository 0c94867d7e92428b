package dev.atrium.routing.application.port.in;

public interface PruneAttemptsUseCase {

    /** Deletes the provider attempts older than the statistics window; how many went. */
    int prune();
}
