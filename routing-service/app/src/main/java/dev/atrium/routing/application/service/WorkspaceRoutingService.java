package dev.atrium.routing.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.routing.application.port.in.LearnWorkspaceUseCase;
import dev.atrium.routing.application.port.in.SetWorkspaceRoutingUseCase;
import dev.atrium.routing.application.port.in.WorkspaceRoutingQuery;
import dev.atrium.routing.application.port.out.WorkspaceDirectory;
import dev.atrium.routing.application.port.out.WorkspaceRoutingRepository;
import dev.atrium.routing.domain.KnownWorkspace;
import dev.atrium.routing.domain.WorkspaceRouting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

@ApplicationScoped
public class WorkspaceRoutingService implements SetWorkspaceRoutingUseCase, WorkspaceRoutingQuery,
        LearnWorkspaceUseCase {

    private final WorkspaceDirectory workspaces;
    private final WorkspaceRoutingRepository routings;
    private final WorkspaceDefaults defaults;
    private final Clock clock;

    public WorkspaceRoutingService(WorkspaceDirectory workspaces, WorkspaceRoutingRepository routings,
            WorkspaceDefaults defaults, Clock clock) {
        this.workspaces = workspaces;
        this.routings = routings;
        this.defaults = defaults;
        this.clock = clock;
    }

    @Override
    @Transactional
    public WorkspaceRouting set(SetWorkspaceRoutingCommand command) {
        KnownWorkspace ws = workspaces.find(command.workspaceId())
                .orElseThrow(() -> ApiException.notFound("Workspace " + command.workspaceId() + " not found"));
        if (ws.archived()) {
            throw ApiException.conflict("Workspace " + ws.id() + " is archived");
        }
        WorkspaceRouting routing = new WorkspaceRouting(ws.id(), command.preferences(), clock.instant(),
                command.userId());
        routings.save(routing);
        defaults.invalidate(ws.id());
        return routing;
    }

    @Override
    @Transactional
    public Optional<KnownWorkspace> workspace(String workspaceId) {
        return workspaces.find(workspaceId);
    }

    @Override
    @Transactional
    public WorkspaceRouting routing(String workspaceId) {
        return routings.routingOf(workspaceId).orElseGet(() -> WorkspaceRouting.unset(workspaceId));
    }

    @Override
    @Transactional
    public void learn(KnownWorkspace workspace) {
        workspaces.save(workspace);
    }
}
