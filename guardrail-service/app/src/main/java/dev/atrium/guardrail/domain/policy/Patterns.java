package dev.atrium.guardrail.domain.policy;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.routing.api.ModelPatterns;
import java.util.ArrayList;
import java.util.List;

/**
 * Model and provider patterns: an exact id or a prefix ending in {@code *}. A pattern stands for
 * a set of ids, so the intersection of two pattern lists is again a pattern list: an exact id
 * inside the other pattern, or the longer of two nested prefixes.
 */
public final class Patterns {

    static final int MAX_PATTERNS = 500;
    static final int MAX_LENGTH = 200;

    private Patterns() {
    }

    /** The list as written, checked; null stays null (no opinion). */
    public static List<String> validate(String field, List<String> patterns) {
        if (patterns == null) {
            return null;
        }
        if (patterns.size() > MAX_PATTERNS) {
            throw new InvalidFieldException(field, field + " may hold at most " + MAX_PATTERNS + " entries");
        }
        for (String p : patterns) {
            if (p == null || p.isBlank()) {
                throw new InvalidFieldException(field, field + " entries must be non-empty strings");
            }
            if (p.length() > MAX_LENGTH || !p.strip().equals(p)) {
                throw new InvalidFieldException(field, field + " entry '" + p
                        + "' must be at most " + MAX_LENGTH + " characters without surrounding spaces");
            }
            if (p.indexOf('*') >= 0 && p.indexOf('*') != p.length() - 1) {
                throw new InvalidFieldException(field, field + " entry '" + p
                        + "' must be an exact id or end with a single *");
            }
        }
        return List.copyOf(patterns);
    }

    public static boolean matchesAny(List<String> patterns, String id) {
        return ModelPatterns.matchesAny(patterns, id);
    }

    /** The ids both lists allow, as patterns. */
    public static List<String> intersect(List<String> a, List<String> b) {
        List<String> result = new ArrayList<>();
        for (String p : a) {
            for (String q : b) {
                String both = intersect(p, q);
                if (both != null) {
                    result.add(both);
                }
            }
        }
        return simplify(result);
    }

    /** Drops duplicates and patterns another pattern of the list already covers, keeping order. */
    public static List<String> simplify(List<String> patterns) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            String candidate = patterns.get(i);
            boolean redundant = false;
            for (int j = 0; j < patterns.size() && !redundant; j++) {
                String other = patterns.get(j);
                redundant = i != j && covers(other, candidate) && (!candidate.equals(other) || j < i);
            }
            if (!redundant) {
                result.add(candidate);
            }
        }
        return List.copyOf(result);
    }

    static String intersect(String p, String q) {
        if (covers(p, q)) {
            return q;
        }
        return covers(q, p) ? p : null;
    }

    /** Whether every id {@code inner} stands for is also one {@code outer} stands for. */
    static boolean covers(String outer, String inner) {
        if (!isPrefix(outer)) {
            return outer.equals(inner);
        }
        String prefix = outer.substring(0, outer.length() - 1);
        return inner.startsWith(prefix);
    }

    private static boolean isPrefix(String pattern) {
        return pattern.endsWith("*");
    }
}
