package dev.atrium.workspace.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.application.port.in.ListPresetsQuery;
import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.application.port.in.PresetQuery;
import dev.atrium.workspace.application.port.in.SavePresetUseCase;
import dev.atrium.workspace.application.port.out.CurrentActor;
import dev.atrium.workspace.application.port.out.PresetRepository;
import dev.atrium.workspace.domain.Preset;
import dev.atrium.workspace.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PresetService implements SavePresetUseCase, PresetQuery, ListPresetsQuery {

    private final PresetRepository presets;
    private final SettingsRevisions revisions;
    private final CurrentActor actor;
    private final Clock clock;
    private final Auditor auditor;

    public PresetService(PresetRepository presets, SettingsRevisions revisions, CurrentActor actor, Clock clock,
            Auditor auditor) {
        this.presets = presets;
        this.revisions = revisions;
        this.actor = actor;
        this.clock = clock;
        this.auditor = auditor;
    }

    /** The workspace row lock taken for the revision also serializes version numbers. */
    @Override
    @Transactional
    public Preset save(SavePresetCommand c) {
        Workspace ws = revisions.next(c.workspaceId(), "presets");
        var previous = presets.latest(ws.id(), c.slug());
        Preset preset = new Preset(ws.id(), c.slug(), previous.map(p -> p.version() + 1).orElse(1), c.systemPrompt(),
                c.model(), c.parameters(), c.lockedParameters(), c.provider(), actor.id(), clock.instant());
        presets.add(preset);
        auditor.record(ws.organizationId(), ws.id(), "preset.saved", "preset", c.slug(),
                previous.map(Snapshots::of).orElse(null), Snapshots.of(preset));
        return preset;
    }

    @Override
    @Transactional
    public Preset get(String workspaceId, String reference) {
        int at = reference.lastIndexOf('@');
        String slug = at < 0 ? reference : reference.substring(0, at);
        var found = at < 0 ? presets.latest(workspaceId, slug)
                : presets.version(workspaceId, slug, version(reference.substring(at + 1)));
        return found.orElseThrow(() -> ApiException.notFound("Preset " + reference + " not found"));
    }

    @Override
    @Transactional
    public Page<Preset> versions(String workspaceId, String slug, PageRequest page) {
        Page<Preset> result = presets.versions(workspaceId, slug, page);
        if (result.data().isEmpty() && page.cursor() == null) {
            throw ApiException.notFound("Preset " + slug + " not found");
        }
        return result;
    }

    /** One read per preset: a workspace keeps a handful, and each read is by the (slug, version) index. */
    @Override
    @Transactional
    public List<Preset> latestOfEach(String workspaceId) {
        return presets.index(workspaceId).keySet().stream().map(slug -> presets.latest(workspaceId, slug))
                .flatMap(Optional::stream).toList();
    }

    private static int version(String text) {
        try {
            int v = Integer.parseInt(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the field error
        }
        throw new InvalidFieldException("slug", "a version after @ must be a positive integer");
    }
}
