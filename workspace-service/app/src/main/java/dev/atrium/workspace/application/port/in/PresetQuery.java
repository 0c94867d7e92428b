package dev.atrium.workspace.application.port.in;

import dev.atrium.workspace.domain.Preset;

public interface PresetQuery {

    /** {@code slug} for the latest version, {@code slug@N} for version N. */
    Preset get(String workspaceId, String reference);

    /** Newest first. */
    Page<Preset> versions(String workspaceId, String slug, PageRequest page);
}
