package dev.atrium.guardrail.domain.policy;

import java.time.Instant;

/** A level's policy in force, with the number of the revision that wrote it (0: never written). */
public record StoredPolicy(PolicyScope scope, PolicyDocument document, long revision, Instant updatedAt,
        String updatedBy) {

    public static StoredPolicy none(PolicyScope scope) {
        return new StoredPolicy(scope, PolicyDocument.EMPTY, 0, null, null);
    }

    /** The next write: a new document under the next revision number. */
    public PolicyRevision revise(PolicyDocument next, Instant at, String author) {
        return new PolicyRevision(scope, revision + 1, next, PolicyDiff.between(document, next), at, author);
    }
}
