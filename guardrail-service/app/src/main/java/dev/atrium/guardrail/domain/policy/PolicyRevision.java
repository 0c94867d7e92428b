package dev.atrium.guardrail.domain.policy;

import java.time.Instant;
import java.util.List;

/** One numbered write of a level's policy: the whole document and what it changed. */
public record PolicyRevision(PolicyScope scope, long number, PolicyDocument document, List<FieldChange> changes,
        Instant createdAt, String createdBy) {

    public StoredPolicy asStored() {
        return new StoredPolicy(scope, document, number, createdAt, createdBy);
    }
}
