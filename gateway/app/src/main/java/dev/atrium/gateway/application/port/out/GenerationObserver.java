package dev.atrium.gateway.application.port.out;

import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.workspace.api.KeyContext;

/** Hears of every finished generation, for the workspace's own observability destinations. */
public interface GenerationObserver {

    /** Returns at once and never fails the request; what it sends, it sends in the background. */
    void generationFinished(FinishedGeneration generation);

    /**
     * A generation as its usage record describes it, with the key it ran under; {@code prompt} and
     * {@code completion} are the conversation's text (null when not at hand), which a destination in
     * privacy mode never receives.
     */
    record FinishedGeneration(UsageRecorded usage, KeyContext key, String prompt, String completion) {
    }
}
