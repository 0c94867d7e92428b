package dev.atrium.workspace.application.port.out;

import dev.atrium.workspace.application.port.in.AuditQuery.AuditFilter;
import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.domain.AuditEntry;

/** Appends in the caller's transaction, so a change and its audit row never part. */
public interface AuditLog {

    void append(AuditEntry entry);

    Page<AuditEntry> list(String organizationId, AuditFilter filter, PageRequest page);
}
