package dev.atrium.routing.api;

import java.util.Collection;

/** Model and provider patterns as policies write them: exact ids or a trailing {@code *}. */
public final class ModelPatterns {

    private ModelPatterns() {
    }

    public static boolean matches(String pattern, String id) {
        if (pattern.endsWith("*")) {
            return id.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(id);
    }

    public static boolean matchesAny(Collection<String> patterns, String id) {
        return patterns.stream().anyMatch(p -> matches(p, id));
    }
}
