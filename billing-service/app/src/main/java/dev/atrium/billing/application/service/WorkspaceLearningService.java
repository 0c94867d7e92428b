package dev.atrium.billing.application.service;

import dev.atrium.billing.application.port.in.LearnWorkspaceUseCase;
import dev.atrium.billing.application.port.out.WorkspaceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Learning is idempotent by nature (the first organization for an id stays), so replays are harmless. */
@ApplicationScoped
public class WorkspaceLearningService implements LearnWorkspaceUseCase {

    private final WorkspaceDirectory workspaces;

    public WorkspaceLearningService(WorkspaceDirectory workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    @Transactional
    public void learn(LearnWorkspaceCommand command) {
        workspaces.learn(List.of(command.workspace()));
    }
}
