package dev.atrium.workspace.application.port.in;

import dev.atrium.workspace.domain.Preset;
import java.util.List;

public interface ListPresetsQuery {

    /** The latest version of each of the workspace's presets, by slug. */
    List<Preset> latestOfEach(String workspaceId);
}
