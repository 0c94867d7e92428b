package dev.atrium.guardrail.application.named;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.application.named.NamedGuardrailRepository.Page;
import dev.atrium.guardrail.domain.named.KeyAssignment;
import dev.atrium.guardrail.domain.named.MemberAssignment;
import dev.atrium.guardrail.domain.named.NamedGuardrail;
import dev.atrium.guardrail.domain.named.WorkspaceDefault;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads named guardrails and their assignments, paged as OpenRouter pages them (offset, limit). */
public interface FindNamedGuardrailsQuery {

    NamedGuardrail guardrail(String organizationId, String id);

    Page<NamedGuardrail> list(String organizationId, String workspaceId, Paging paging);

    /** {@code guardrailId} null: the organization's; else that guardrail's (404 when unknown). */
    Page<KeyAssignment> keyAssignments(String organizationId, String guardrailId, Paging paging);

    Page<MemberAssignment> memberAssignments(String organizationId, String guardrailId, Paging paging);

    Optional<String> defaultOf(String workspaceId);

    /** Several workspaces' defaults at once: those of the workspaces known in the organization, by id. */
    List<WorkspaceDefault> defaultsOf(String organizationId, Collection<String> workspaceIds);

    /** {@code offset} from 0 (default 0), {@code limit} 1 to 100 (default 50). */
    record Paging(int offset, int limit) {

        public static final int MAX_LIMIT = 100;

        public static Paging of(Integer offset, Integer limit) {
            int o = offset == null ? 0 : offset;
            int l = limit == null ? 50 : limit;
            if (o < 0) {
                throw new InvalidFieldException("offset", "offset must be 0 or more");
            }
            if (l < 1 || l > MAX_LIMIT) {
                throw new InvalidFieldException("limit", "limit must be from 1 to " + MAX_LIMIT);
            }
            return new Paging(o, l);
        }
    }
}
