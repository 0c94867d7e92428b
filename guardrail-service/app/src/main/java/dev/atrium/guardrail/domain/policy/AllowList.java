package dev.atrium.guardrail.domain.policy;

import java.util.List;

/**
 * An effective allow-list. Unlike a written one, it tells "no restriction" apart from "nothing is
 * allowed", which is what two levels' disjoint allow-lists leave.
 */
public record AllowList(boolean restricted, List<String> patterns) {

    public static final AllowList UNRESTRICTED = new AllowList(false, List.of());

    public AllowList {
        patterns = List.copyOf(patterns);
    }

    /** This list narrowed by a level's written list; an empty written list narrows nothing. */
    public AllowList narrow(List<String> written) {
        if (written == null || written.isEmpty()) {
            return this;
        }
        return new AllowList(true, restricted ? Patterns.intersect(patterns, written) : Patterns.simplify(written));
    }

    public boolean permits(String id) {
        return !restricted || Patterns.matchesAny(patterns, id);
    }

    public boolean allowsNothing() {
        return restricted && patterns.isEmpty();
    }
}
