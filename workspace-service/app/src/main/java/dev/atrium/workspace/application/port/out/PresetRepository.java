package dev.atrium.workspace.application.port.out;

import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.domain.Preset;
import java.util.Map;
import java.util.Optional;

public interface PresetRepository {

    void add(Preset preset);

    Optional<Preset> latest(String workspaceId, String slug);

    Optional<Preset> version(String workspaceId, String slug, int version);

    Page<Preset> versions(String workspaceId, String slug, PageRequest page);

    /** slug -> latest version. */
    Map<String, Integer> index(String workspaceId);
}
