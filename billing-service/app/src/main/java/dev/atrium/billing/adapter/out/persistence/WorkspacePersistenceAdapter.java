package dev.atrium.billing.adapter.out.persistence;

import dev.atrium.billing.adapter.out.persistence.MultiRowInsert.Column;
import dev.atrium.billing.application.port.out.WorkspaceDirectory;
import dev.atrium.billing.domain.KnownWorkspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

@ApplicationScoped
class WorkspacePersistenceAdapter implements WorkspaceDirectory {

    private final EntityManager em;
    private final Clock clock;

    WorkspacePersistenceAdapter(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public void learn(Collection<KnownWorkspace> workspaces) {
        Instant now = clock.instant();
        MultiRowInsert<KnownWorkspace> insert = new MultiRowInsert<>("workspace",
                List.of(Column.text("id"), Column.text("organization_id"), Column.time("learned_at")), "ON CONFLICT (id) DO NOTHING",
                (w, v) -> v.text(w.workspaceId()).text(w.organizationId()).time(now));
        // In id order, so two transactions learning the same workspaces wait for each other instead of deadlocking.
        List<KnownWorkspace> rows = workspaces.stream().sorted(Comparator.comparing(KnownWorkspace::workspaceId))
                .toList();
        em.unwrap(Session.class).doWork(connection -> insert.execute(connection, rows));
    }

    @Override
    public Optional<KnownWorkspace> workspace(String workspaceId) {
        return WorkspaceEntity.<WorkspaceEntity>findByIdOptional(workspaceId)
                .map(e -> new KnownWorkspace(e.id, e.organizationId));
    }
}
