package dev.atrium.workspace.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.application.port.in.BackfillMembersUseCase;
import dev.atrium.workspace.application.port.out.MemberRepository;
import dev.atrium.workspace.application.port.out.MembershipDirectory;
import dev.atrium.workspace.domain.GroupPaths;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The membership record began empty while Keycloak held every membership granted before it, and every
 * service now takes a user token's rights from the record (docs/adr/0025): so the directory's role groups
 * are copied into it once, adding only (a membership changed through this service is already in both).
 * Retried by the scheduler until the directory answers; a second instance's copy adds nothing new.
 */
@ApplicationScoped
public class MemberBackfill implements BackfillMembersUseCase {

    private static final Logger LOG = Logger.getLogger(MemberBackfill.class);

    private final MembershipDirectory directory;
    private final MemberRepository members;
    private volatile boolean done;

    public MemberBackfill(MembershipDirectory directory, MemberRepository members) {
        this.directory = directory;
        this.members = members;
    }

    @Override
    @Transactional
    public int backfill() {
        if (done || members.backfilled()) {
            done = true;
            return 0;
        }
        Map<String, Set<String>> held;
        try {
            held = directory.memberships();
        } catch (ApiException e) {
            LOG.warnf("Copying the directory's memberships waits: the directory did not answer (%s)", e.getMessage());
            return 0;
        }
        int copied = 0;
        for (Map.Entry<String, Set<String>> group : held.entrySet()) {
            if (GroupPaths.isRole(group.getKey())) {
                for (String user : group.getValue()) {
                    members.add(user, group.getKey());
                    copied++;
                }
            }
        }
        members.markBackfilled();
        done = true;
        LOG.infof("Copied %d memberships from the directory into the membership record", copied);
        return copied;
    }
}
