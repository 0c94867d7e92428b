package dev.atrium.workspace.application.service;

import dev.atrium.workspace.application.port.in.AuditQuery;
import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.application.port.out.AuditLog;
import dev.atrium.workspace.domain.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class AuditService implements AuditQuery {

    private final AuditLog log;

    public AuditService(AuditLog log) {
        this.log = log;
    }

    @Override
    @Transactional
    public Page<AuditEntry> list(String organizationId, AuditFilter filter, PageRequest page) {
        return log.list(organizationId, filter, page);
    }
}
