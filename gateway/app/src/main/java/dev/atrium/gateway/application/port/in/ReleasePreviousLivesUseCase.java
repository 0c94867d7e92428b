package dev.atrium.gateway.application.port.in;

import io.smallrye.mutiny.Uni;

/** At start: what this gateway instance held in its earlier lives goes back to the budgets and credits. */
public interface ReleasePreviousLivesUseCase {

    /** How many holds were still held; fails only when guardrail-service never answered in time. */
    Uni<Integer> releasePreviousLives();
}
