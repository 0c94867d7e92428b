package dev.atrium.workspace.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How often, and how many at a time, known users are checked against the directory for deletion. */
@ConfigMapping(prefix = "atrium.members")
public interface MembersConfig {

    /** Time between rounds (a duration such as {@code 2s}; {@code off} stops them), read by the scheduler. */
    @WithDefault("2s")
    String reconcileEvery();

    /** Users asked about per round (one Keycloak admin-API read each). */
    @WithDefault("50")
    int reconcileBatch();
}
