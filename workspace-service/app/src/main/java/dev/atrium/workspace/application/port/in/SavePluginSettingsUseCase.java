package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.domain.PluginSetting;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

public interface SavePluginSettingsUseCase {

    /** Replaces the workspace's plugin defaults. */
    List<PluginSetting> save(String workspaceId, List<PluginSetting> plugins);

    static List<PluginSetting> validate(List<PluginSetting> plugins) {
        if (plugins == null) {
            throw new InvalidFieldException("plugins", "plugins is required (an empty list clears them)");
        }
        Set<String> seen = new HashSet<>();
        for (PluginSetting p : plugins) {
            if (p == null || p.id() == null) {
                throw new InvalidFieldException("plugins.id", "plugin id is required");
            }
            if (!PluginSetting.KNOWN.contains(p.id())) {
                throw new InvalidFieldException("plugins.id", "plugin " + p.id()
                        + " is not implemented by the gateway; one of " + new TreeSet<>(PluginSetting.KNOWN));
            }
            if (!seen.add(p.id())) {
                throw new InvalidFieldException("plugins.id", "plugin " + p.id() + " is listed twice");
            }
        }
        return List.copyOf(plugins);
    }
}
