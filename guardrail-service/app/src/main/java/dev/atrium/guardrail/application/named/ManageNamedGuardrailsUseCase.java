package dev.atrium.guardrail.application.named;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.domain.named.GuardrailRules;
import dev.atrium.guardrail.domain.named.NamedGuardrail;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** Writes named guardrails, their assignments and workspaces' defaults; each applies to checks within a second. */
public interface ManageNamedGuardrailsUseCase {

    int MAX_BULK = 100;

    NamedGuardrail create(CreateCommand command);

    /** Applies {@code change} to the guardrail as stored, its row locked: concurrent patches never lose a field. */
    NamedGuardrail update(String organizationId, String id, UnaryOperator<NamedGuardrail> change);

    void delete(String organizationId, String id);

    /** @return how many keys now have this guardrail that did not */
    int assignKeys(BulkCommand command);

    int unassignKeys(BulkCommand command);

    int assignMembers(BulkCommand command);

    int unassignMembers(BulkCommand command);

    /** {@code guardrailId} null: the workspace has no default any more. */
    void setDefault(String organizationId, String workspaceId, String guardrailId, String author);

    record CreateCommand(String organizationId, String workspaceId, String name, String description,
            GuardrailRules rules, String author) {

        public CreateCommand {
            Objects.requireNonNull(organizationId, "organizationId");
            Objects.requireNonNull(rules, "rules");
        }
    }

    /** Keys (Atrium key ids) or members (user ids) to assign to or unassign from one guardrail. */
    record BulkCommand(String organizationId, String guardrailId, List<String> ids, String field, String author) {

        public BulkCommand {
            if (ids == null || ids.isEmpty() || ids.size() > MAX_BULK) {
                throw new InvalidFieldException(field, field + " must hold 1 to " + MAX_BULK + " ids");
            }
            for (String id : ids) {
                if (id == null || id.isBlank() || id.length() > 255) {
                    throw new InvalidFieldException(field, field + " entries must have 1 to 255 characters");
                }
            }
            ids = ids.stream().distinct().toList();
        }
    }
}
