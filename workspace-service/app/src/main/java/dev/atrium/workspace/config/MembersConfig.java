package dev.atrium.workspace.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the membership record follows the directory: deletions, rounds over known users, the upgrade's copy. */
@ConfigMapping(prefix = "atrium.members")
public interface MembersConfig {

    /** Time between rounds (a duration such as {@code 2s}; {@code off} stops them), read by the scheduler. */
    @WithDefault("2s")
    String reconcileEvery();

    /** Users asked about per round (one Keycloak admin-API read each). */
    @WithDefault("50")
    int reconcileBatch();

    /** Time between reads of the directory's record of deletions ({@code off} stops them), read by the scheduler. */
    @WithDefault("250ms")
    String followDeletionsEvery();

    /**
     * Time between attempts of the one-time copy of the directory's memberships into this service's record
     * ({@code off} stops them), until one succeeds; read by the scheduler.
     */
    @WithDefault("10s")
    String backfillEvery();
}
