package dev.atrium.routing.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.routing.application.port.out.WorkspaceDirectory;
import dev.atrium.routing.application.port.out.WorkspaceRoutingRepository;
import dev.atrium.routing.domain.KnownWorkspace;
import dev.atrium.routing.domain.PreferenceLayer;
import dev.atrium.routing.domain.SortOrder;
import dev.atrium.routing.domain.WorkspaceRouting;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
class WorkspacePersistenceAdapter implements WorkspaceDirectory, WorkspaceRoutingRepository {

    private final ObjectMapper json;
    private final Clock clock;

    WorkspacePersistenceAdapter(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Optional<KnownWorkspace> find(String workspaceId) {
        return WorkspaceEntity.<WorkspaceEntity>findByIdOptional(workspaceId)
                .map(e -> new KnownWorkspace(e.id, e.organizationId, e.archived));
    }

    @Override
    public void save(KnownWorkspace workspace) {
        WorkspaceEntity e = WorkspaceEntity.<WorkspaceEntity>findByIdOptional(workspace.id())
                .orElseGet(WorkspaceEntity::new);
        e.id = workspace.id();
        e.organizationId = workspace.organizationId();
        e.archived = workspace.archived();
        e.updatedAt = clock.instant();
        e.persist();
    }

    @Override
    public Optional<WorkspaceRouting> routingOf(String workspaceId) {
        return WorkspaceRoutingEntity.<WorkspaceRoutingEntity>findByIdOptional(workspaceId)
                .map(e -> new WorkspaceRouting(e.workspaceId, read(e.preferences), e.updatedAt, e.updatedBy));
    }

    @Override
    public void save(WorkspaceRouting routing) {
        WorkspaceRoutingEntity e = WorkspaceRoutingEntity.<WorkspaceRoutingEntity>findByIdOptional(
                routing.workspaceId()).orElseGet(WorkspaceRoutingEntity::new);
        e.workspaceId = routing.workspaceId();
        e.preferences = write(routing.preferences());
        e.updatedAt = routing.updatedAt();
        e.updatedBy = routing.updatedBy();
        e.persist();
    }

    private String write(PreferenceLayer p) {
        try {
            return json.writeValueAsString(new StoredPreferences(p.order(), p.only(), p.ignore(), p.allowFallbacks(),
                    p.sort() == null ? null : p.sort().name().toLowerCase(Locale.ROOT), p.denyDataCollection(),
                    p.zdr(), p.quantizations(), p.maxPromptPrice(), p.maxCompletionPrice(), p.requireParameters()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Routing defaults are not serializable", e);
        }
    }

    private PreferenceLayer read(String stored) {
        try {
            StoredPreferences p = json.readValue(stored, StoredPreferences.class);
            return new PreferenceLayer(p.order(), p.only(), p.ignore(), p.allowFallbacks(),
                    p.sort() == null ? null : SortOrder.parse(p.sort()), p.denyDataCollection(), p.zdr(),
                    p.quantizations(), p.maxPromptPrice(), p.maxCompletionPrice(), p.requireParameters());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored routing defaults are unreadable", e);
        }
    }

    /** The column's JSON: a shape of its own, so domain renames do not break stored rows. */
    record StoredPreferences(List<String> order, List<String> only, List<String> ignore, Boolean allowFallbacks,
            String sort, Boolean denyDataCollection, Boolean zdr, List<String> quantizations,
            BigDecimal maxPromptPrice, BigDecimal maxCompletionPrice, Boolean requireParameters) {
    }
}
