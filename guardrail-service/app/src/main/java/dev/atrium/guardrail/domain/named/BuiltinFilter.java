package dev.atrium.guardrail.domain.named;

import dev.atrium.guardrail.domain.content.Builtin;
import dev.atrium.guardrail.domain.content.ContentFilter;
import dev.atrium.guardrail.domain.content.FilterAction;
import java.util.Objects;

/**
 * One of OpenRouter's {@code content_filter_builtins}: a detector Atrium ships, what to do on a match, and
 * the scan scope as written ({@code user_only} scans no less than {@code all_messages} here: stricter).
 */
public record BuiltinFilter(Builtin builtin, FilterAction action, String label, String scanScope) {

    public BuiltinFilter {
        Objects.requireNonNull(builtin, "builtin");
        Objects.requireNonNull(action, "action");
    }

    public ContentFilter asFilter() {
        return new ContentFilter(builtin, null, action, label);
    }
}
