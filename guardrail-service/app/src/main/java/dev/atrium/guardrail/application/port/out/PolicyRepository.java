package dev.atrium.guardrail.application.port.out;

import dev.atrium.guardrail.domain.policy.PolicyRevision;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.policy.StoredPolicy;
import java.util.List;
import java.util.Optional;

public interface PolicyRepository {

    Optional<StoredPolicy> find(PolicyScope scope);

    /**
     * The policies in force of several scopes, in their order, read together (a check needs up to
     * four); a scope never written is {@link StoredPolicy#none}.
     */
    List<StoredPolicy> findAll(List<PolicyScope> scopes);

    /** As {@link #find}, holding the scope's row until the transaction ends, so revisions stay gapless. */
    Optional<StoredPolicy> findForUpdate(PolicyScope scope);

    /** Records the revision and makes it the scope's policy in force. */
    void save(PolicyRevision revision);

    /** The scopes' revisions, newest first; {@code cursor} is a previous page's {@code nextCursor}. */
    RevisionPage revisions(List<PolicyScope> scopes, String cursor, int limit);

    record RevisionPage(List<PolicyRevision> revisions, String nextCursor) {
    }
}
