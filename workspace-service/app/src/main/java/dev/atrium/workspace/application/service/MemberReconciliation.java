package dev.atrium.workspace.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.application.port.in.ReconcileMembersUseCase;
import dev.atrium.workspace.application.port.out.MemberRepository;
import dev.atrium.workspace.application.port.out.MembershipDirectory;
import dev.atrium.workspace.config.MembersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keycloak tells nobody when a user is deleted, so each round asks it about the next {@code batch} users
 * this service knows (members and key owners), round-robin by id: one admin-API read per user, so a
 * deletion is noticed within {@code ceil(users / batch)} rounds. A user found gone loses every membership
 * here and every key it owns ({@link KeyOwners#forgetUser}). Keycloak unreachable: the round stops, nothing
 * is removed.
 */
@ApplicationScoped
public class MemberReconciliation implements ReconcileMembersUseCase {

    private static final Logger LOG = Logger.getLogger(MemberReconciliation.class);

    private final MemberRepository members;
    private final MembershipDirectory directory;
    private final KeyOwners owners;
    private final int batch;
    /** Where the next round starts; null: from the first user. One instance's rounds never overlap. */
    private volatile String after;

    public MemberReconciliation(MemberRepository members, MembershipDirectory directory, KeyOwners owners,
            MembersConfig config) {
        this.members = members;
        this.directory = directory;
        this.owners = owners;
        this.batch = config.reconcileBatch();
    }

    @Override
    public int reconcile() {
        List<String> users = owners.knownUsers(after, batch);
        after = users.size() < batch ? null : users.get(users.size() - 1);
        int deleted = 0;
        for (String user : users) {
            boolean exists;
            try {
                exists = directory.userExists(user);
            } catch (ApiException e) {
                LOG.warnf("Membership reconciliation paused: the directory did not answer (%s)", e.getMessage());
                return deleted;
            }
            if (!exists) {
                int keys = owners.forgetUser(user);
                LOG.infof("User %s no longer exists in the directory: memberships removed, %d keys retired", user,
                        keys);
                deleted++;
            }
        }
        return deleted;
    }
}
