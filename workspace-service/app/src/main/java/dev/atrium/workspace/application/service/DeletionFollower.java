package dev.atrium.workspace.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.application.port.in.FollowDeletionsUseCase;
import dev.atrium.workspace.application.port.out.MembershipDirectory;
import dev.atrium.workspace.application.port.out.MembershipDirectory.Deletion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Follows the directory's record of user deletions (Keycloak's admin events), read every
 * {@code atrium.members.follow-deletions-every} (250 ms): a user deleted in Keycloak loses every membership and
 * key here within that interval, whatever the number of users (docs/adr/0025). Each deletion is applied once
 * per instance, and again harmlessly after a restart (the first read looks back {@link #LOOKBACK}). Deletions
 * the directory does not record (admin events off, or older than the look-back) are still found by
 * {@link MemberReconciliation}'s rounds, only later.
 */
@ApplicationScoped
public class DeletionFollower implements FollowDeletionsUseCase {

    private static final Logger LOG = Logger.getLogger(DeletionFollower.class);
    /** Covers a restart's gap and a small clock difference between this service and the directory. */
    static final Duration LOOKBACK = Duration.ofMinutes(1);

    private final MembershipDirectory directory;
    private final KeyOwners owners;
    /** From when the next read starts (inclusive, the directory's clock), and who was applied at that instant. */
    private Instant from;
    private final Set<String> appliedAtFrom = new HashSet<>();
    private boolean failing;

    public DeletionFollower(MembershipDirectory directory, KeyOwners owners, Clock clock) {
        this.directory = directory;
        this.owners = owners;
        this.from = clock.instant().minus(LOOKBACK);
    }

    /** One read at a time (the scheduler skips an overlapping run; tests call it directly). */
    @Override
    public synchronized int follow() {
        List<Deletion> deletions;
        try {
            deletions = directory.deletionsSince(from);
        } catch (ApiException e) {
            if (!failing) {
                LOG.warnf("Following user deletions paused: the directory did not answer (%s); the reconciliation "
                        + "rounds still find them, later", e.getMessage());
                failing = true;
            }
            return 0;
        }
        failing = false;
        int applied = 0;
        for (Deletion deletion : deletions) {
            if (deletion.at().isBefore(from) || deletion.at().equals(from) && appliedAtFrom.contains(deletion.userId())) {
                continue;
            }
            int keys = owners.forgetUser(deletion.userId());
            if (keys > 0) {
                LOG.infof("User %s was deleted in the directory: memberships removed, %d keys retired",
                        deletion.userId(), keys);
            }
            if (deletion.at().isAfter(from)) {
                from = deletion.at();
                appliedAtFrom.clear();
            }
            appliedAtFrom.add(deletion.userId());
            applied++;
        }
        return applied;
    }
}
