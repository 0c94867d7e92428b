package dev.atrium.workspace.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.application.port.in.ReconcileMembersUseCase;
import dev.atrium.workspace.application.port.out.MembershipDirectory;
import dev.atrium.workspace.config.MembersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keycloak tells nobody when a user is deleted, so each round asks it about the next {@code batch} users
 * this service knows (members and key owners), round-robin by id: one admin-API read per user, so a
 * deletion is noticed within {@code ceil(users / batch)} rounds. A user found gone loses every membership
 * here and every key it owns ({@link KeyOwners#forgetUser}). Keycloak unreachable: the round stops, nothing
 * is removed; most of a round "gone" at once (a wrong realm, say): nothing is removed either.
 */
@ApplicationScoped
public class MemberReconciliation implements ReconcileMembersUseCase {

    private static final Logger LOG = Logger.getLogger(MemberReconciliation.class);
    /** From this many users gone in one round, and more than half of it, the round is distrusted. */
    static final int SUSPICIOUS_AT = 3;

    private final MembershipDirectory directory;
    private final KeyOwners owners;
    private final int batch;
    /** Where the next round starts; null: from the first user. One instance's rounds never overlap. */
    private volatile String after;

    public MemberReconciliation(MembershipDirectory directory, KeyOwners owners, MembersConfig config) {
        this.directory = directory;
        this.owners = owners;
        this.batch = config.reconcileBatch();
    }

    @Override
    public int reconcile() {
        List<String> users = owners.knownUsers(after, batch);
        after = users.size() < batch ? null : users.get(users.size() - 1);
        List<String> missing = new ArrayList<>();
        for (String user : users) {
            try {
                if (!directory.userExists(user)) {
                    missing.add(user);
                }
            } catch (ApiException e) {
                LOG.warnf("Membership reconciliation paused: the directory did not answer (%s)", e.getMessage());
                return 0;
            }
        }
        if (missing.size() >= SUSPICIOUS_AT && missing.size() * 2 > users.size()) {
            // Most of a round gone at once looks like a wrong realm or URL, not deletions: retiring keys
            // cannot be undone, so nothing is removed until the directory answers as expected.
            LOG.errorf("Membership reconciliation: the directory denies %d of %d known users; removing nothing",
                    missing.size(), users.size());
            return 0;
        }
        for (String user : missing) {
            int keys = owners.forgetUser(user);
            LOG.infof("User %s no longer exists in the directory: memberships removed, %d keys retired", user, keys);
        }
        return missing.size();
    }
}
