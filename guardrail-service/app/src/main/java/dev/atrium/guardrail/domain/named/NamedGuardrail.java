package dev.atrium.guardrail.domain.named;

import dev.atrium.common.error.InvalidFieldException;
import java.time.Instant;
import java.util.Objects;

/**
 * A reusable policy of an organization, optionally placed in one of its workspaces (placement organizes it;
 * only assignments and a workspace's default apply it). {@code revision} counts its writes.
 */
public record NamedGuardrail(String id, String organizationId, String workspaceId, String name,
        String description, GuardrailRules rules, long revision, Instant createdAt, Instant updatedAt) {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 1000;

    public NamedGuardrail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(rules, "rules");
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new InvalidFieldException("name", "name must have 1 to " + MAX_NAME + " characters");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidFieldException("description",
                    "description may have at most " + MAX_DESCRIPTION + " characters");
        }
    }

    public GuardrailRef ref() {
        return new GuardrailRef(id, name);
    }

    /** The next write: new name, description and rules, one revision on. */
    public NamedGuardrail revise(String newName, String newDescription, GuardrailRules newRules, Instant at) {
        return new NamedGuardrail(id, organizationId, workspaceId, newName, newDescription, newRules, revision + 1,
                createdAt, at);
    }
}
