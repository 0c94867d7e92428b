package dev.atrium.guardrail.domain.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a write changed, field by field. */
public final class PolicyDiff {

    private PolicyDiff() {
    }

    public static List<FieldChange> between(PolicyDocument before, PolicyDocument after) {
        Map<String, Object> old = before.fields();
        List<FieldChange> changes = new ArrayList<>();
        after.fields().forEach((field, value) -> {
            if (!Objects.equals(old.get(field), value)) {
                changes.add(new FieldChange(field, old.get(field), value));
            }
        });
        return List.copyOf(changes);
    }
}
