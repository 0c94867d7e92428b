package dev.atrium.routing.application.port.in;

import dev.atrium.routing.domain.KnownWorkspace;

public interface LearnWorkspaceUseCase {

    /** Records which organization a workspace belongs to (and whether it is archived); repeats are harmless. */
    void learn(KnownWorkspace workspace);
}
