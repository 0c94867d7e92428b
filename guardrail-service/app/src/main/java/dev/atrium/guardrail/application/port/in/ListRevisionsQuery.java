package dev.atrium.guardrail.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.application.port.out.PolicyRepository.RevisionPage;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import java.util.List;

public interface ListRevisionsQuery {

    /** The revisions that shape a workspace's effective policy: its own and its organization's. */
    RevisionPage revisions(RevisionsRequest request);

    record RevisionsRequest(List<PolicyScope> scopes, String cursor, int limit) {

        public static final int DEFAULT_LIMIT = 50;
        public static final int MAX_LIMIT = 200;

        public static RevisionsRequest of(String organizationId, String workspaceId, String cursor, Integer limit) {
            int size = limit == null ? DEFAULT_LIMIT : limit;
            if (size < 1 || size > MAX_LIMIT) {
                throw new InvalidFieldException("limit", "limit must be between 1 and " + MAX_LIMIT);
            }
            return new RevisionsRequest(List.of(PolicyScope.organization(organizationId),
                    PolicyScope.workspace(workspaceId)), cursor, size);
        }
    }
}
