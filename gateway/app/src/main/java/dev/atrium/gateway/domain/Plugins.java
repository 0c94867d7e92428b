package dev.atrium.gateway.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which plugins apply to a request: the workspace's settings, then the request's {@code plugins[]}
 * on top, except that a request cannot turn off a plugin the workspace locked on.
 */
public final class Plugins {

    public static final String RESPONSE_HEALING = "response-healing";
    public static final String CONTEXT_COMPRESSION = "context-compression";
    public static final String MODERATION = "moderation";
    public static final String WEB = "web";
    public static final Set<String> KNOWN = Set.of(RESPONSE_HEALING, CONTEXT_COMPRESSION, MODERATION, WEB);

    private Plugins() {
    }

    /** A workspace default. */
    public record Setting(String id, boolean enabled, boolean locked) {
    }

    /**
     * @param requested plugin id -> enabled, as the request asked (an item without {@code enabled} enables it)
     * @return the active plugin ids
     * @throws IllegalArgumentException naming an unknown plugin
     */
    public static Set<String> active(Iterable<Setting> workspace, Map<String, Boolean> requested) {
        Map<String, Boolean> state = new LinkedHashMap<>();
        Set<String> locked = new TreeSet<>();
        for (Setting s : workspace) {
            state.put(s.id(), s.enabled());
            if (s.locked()) {
                locked.add(s.id());
            }
        }
        requested.forEach((id, enabled) -> {
            if (!KNOWN.contains(id)) {
                throw new IllegalArgumentException("Unknown plugin " + id + "; known: " + new TreeSet<>(KNOWN));
            }
            if (!locked.contains(id)) {
                state.put(id, enabled);
            }
        });
        Set<String> active = new TreeSet<>();
        state.forEach((id, enabled) -> {
            if (enabled) {
                active.add(id);
            }
        });
        return active;
    }
}
