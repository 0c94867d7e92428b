package dev.atrium.workspace.application.service;

import dev.atrium.workspace.application.port.out.AuditLog;
import dev.atrium.workspace.application.port.out.CurrentActor;
import dev.atrium.workspace.domain.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;

/** Writes the audit row of a management change, in the change's transaction. */
@ApplicationScoped
public class Auditor {

    private final AuditLog log;
    private final CurrentActor actor;
    private final Clock clock;

    public Auditor(AuditLog log, CurrentActor actor, Clock clock) {
        this.log = log;
        this.actor = actor;
        this.clock = clock;
    }

    void record(String organizationId, String workspaceId, String action, String targetType, String targetId,
            Map<String, Object> before, Map<String, Object> after) {
        log.append(new AuditEntry(null, organizationId, workspaceId, actor.id(), action, targetType, targetId, before,
                after, clock.instant()));
    }
}
