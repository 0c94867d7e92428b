package dev.atrium.workspace.application.port.in;

import dev.atrium.workspace.domain.AuditEntry;

public interface AuditQuery {

    /** Newest first; a null filter field matches everything. */
    Page<AuditEntry> list(String organizationId, AuditFilter filter, PageRequest page);

    record AuditFilter(String action, String workspaceId, String actor, String targetId) {
    }
}
