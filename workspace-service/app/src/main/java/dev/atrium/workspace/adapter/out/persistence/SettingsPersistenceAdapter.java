package dev.atrium.workspace.adapter.out.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.application.port.out.ByokRepository;
import dev.atrium.workspace.application.port.out.PresetRepository;
import dev.atrium.workspace.application.port.out.WorkspaceSettingsRepository;
import dev.atrium.workspace.domain.ByokCredential;
import dev.atrium.workspace.domain.ObservabilityDestination;
import dev.atrium.workspace.domain.PluginSetting;
import dev.atrium.workspace.domain.Preset;
import dev.atrium.workspace.domain.SecretBox;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
class SettingsPersistenceAdapter implements ByokRepository, PresetRepository, WorkspaceSettingsRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final TypeReference<List<PluginSetting>> PLUGINS = new TypeReference<>() { };
    private static final TypeReference<List<ObservabilityDestination>> DESTINATIONS = new TypeReference<>() { };

    private final Json json;

    SettingsPersistenceAdapter(Json json) {
        this.json = json;
    }

    @Override
    public void save(ByokCredential c) {
        ByokCredentialEntity e = ByokCredentialEntity.<ByokCredentialEntity>find(
                "workspaceId = ?1 and provider = ?2", c.workspaceId(), c.provider()).firstResult();
        boolean created = e == null;
        if (created) {
            e = new ByokCredentialEntity();
            e.workspaceId = c.workspaceId();
            e.provider = c.provider();
        }
        e.masterKeyId = c.secret().keyId();
        e.ciphertext = c.secret().ciphertext();
        e.last4 = c.last4();
        e.isFallback = c.isFallback();
        e.allowedModels = json.write(c.allowedModels());
        e.createdAt = c.createdAt();
        e.updatedAt = c.updatedAt();
        if (created) {
            e.persist();
        }
    }

    @Override
    public Optional<ByokCredential> find(String workspaceId, String provider) {
        return ByokCredentialEntity.<ByokCredentialEntity>find("workspaceId = ?1 and provider = ?2", workspaceId,
                provider).firstResultOptional().map(this::toDomain);
    }

    @Override
    public List<ByokCredential> all(String workspaceId) {
        return ByokCredentialEntity.<ByokCredentialEntity>find("workspaceId = ?1 order by provider", workspaceId)
                .stream().map(this::toDomain).toList();
    }

    @Override
    public boolean delete(String workspaceId, String provider) {
        return ByokCredentialEntity.delete("workspaceId = ?1 and provider = ?2", workspaceId, provider) > 0;
    }

    @Override
    public void add(Preset p) {
        PresetVersionEntity e = new PresetVersionEntity();
        e.workspaceId = p.workspaceId();
        e.slug = p.slug();
        e.version = p.version();
        e.systemPrompt = p.systemPrompt();
        e.model = p.model();
        e.parameters = json.write(p.parameters());
        e.lockedParameters = json.write(p.lockedParameters());
        e.provider = json.write(p.provider());
        e.createdBy = p.createdBy();
        e.createdAt = p.createdAt();
        e.persist();
    }

    @Override
    public Optional<Preset> latest(String workspaceId, String slug) {
        return PresetVersionEntity.<PresetVersionEntity>find(
                "workspaceId = ?1 and slug = ?2 order by version desc", workspaceId, slug).firstResultOptional()
                .map(this::toDomain);
    }

    @Override
    public Optional<Preset> version(String workspaceId, String slug, int version) {
        return PresetVersionEntity.<PresetVersionEntity>find("workspaceId = ?1 and slug = ?2 and version = ?3",
                workspaceId, slug, version).firstResultOptional().map(this::toDomain);
    }

    @Override
    public Page<Preset> versions(String workspaceId, String slug, PageRequest page) {
        Parameters p = Parameters.with("ws", workspaceId).and("slug", slug);
        String q = "workspaceId = :ws and slug = :slug";
        if (page.cursor() != null) {
            q += " and version < :v";
            p.and("v", (int) Keyset.number(page.cursor()));
        }
        return Keyset.page(PresetVersionEntity.<PresetVersionEntity>find(q + " order by version desc", p)
                .range(0, page.limit()).list(), page.limit(), e -> Keyset.encode(String.valueOf(e.version)),
                this::toDomain);
    }

    @Override
    public Map<String, Integer> index(String workspaceId) {
        Map<String, Integer> index = new LinkedHashMap<>();
        PresetVersionEntity.getEntityManager()
                .createQuery("select p.slug, max(p.version) from PresetVersionEntity p where p.workspaceId = :ws"
                        + " group by p.slug order by p.slug", Object[].class)
                .setParameter("ws", workspaceId).getResultList()
                .forEach(row -> index.put((String) row[0], ((Number) row[1]).intValue()));
        return index;
    }

    @Override
    public List<PluginSetting> plugins(String workspaceId) {
        return settings(workspaceId).map(e -> json.read(e.plugins, PLUGINS)).orElse(List.of());
    }

    @Override
    public void savePlugins(String workspaceId, List<PluginSetting> plugins) {
        settingsForWrite(workspaceId).plugins = json.write(plugins);
    }

    @Override
    public List<ObservabilityDestination> observability(String workspaceId) {
        return settings(workspaceId).map(e -> json.read(e.observability, DESTINATIONS)).orElse(List.of());
    }

    @Override
    public void saveObservability(String workspaceId, List<ObservabilityDestination> destinations) {
        settingsForWrite(workspaceId).observability = json.write(destinations);
    }

    private Optional<WorkspaceSettingsEntity> settings(String workspaceId) {
        return WorkspaceSettingsEntity.findByIdOptional(workspaceId);
    }

    private WorkspaceSettingsEntity settingsForWrite(String workspaceId) {
        return settings(workspaceId).orElseGet(() -> {
            WorkspaceSettingsEntity e = new WorkspaceSettingsEntity();
            e.workspaceId = workspaceId;
            e.plugins = "[]";
            e.observability = "[]";
            e.persist();
            return e;
        });
    }

    private ByokCredential toDomain(ByokCredentialEntity e) {
        return new ByokCredential(e.workspaceId, e.provider, new SecretBox.Sealed(e.masterKeyId, e.ciphertext),
                e.last4, e.isFallback, json.read(e.allowedModels, STRINGS), e.createdAt, e.updatedAt);
    }

    private Preset toDomain(PresetVersionEntity e) {
        return new Preset(e.workspaceId, e.slug, e.version, e.systemPrompt, e.model, json.read(e.parameters, OBJECT),
                json.read(e.lockedParameters, STRINGS), json.read(e.provider, OBJECT), e.createdBy, e.createdAt);
    }
}
