package dev.atrium.workspace.application.service;

import dev.atrium.workspace.application.port.out.MemberRepository;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The member_group table in memory; known users include the owners of live keys, as in SQL. */
class InMemoryMembers implements MemberRepository {

    final Map<String, Set<String>> groups = new TreeMap<>();
    private final InMemoryTenancy store;

    InMemoryMembers(InMemoryTenancy store) {
        this.store = store;
    }

    @Override
    public Set<String> groupsOf(String userId) {
        return Set.copyOf(groups.getOrDefault(userId, Set.of()));
    }

    @Override
    public void add(String userId, String groupPath) {
        groups.computeIfAbsent(userId, u -> new TreeSet<>()).add(groupPath);
    }

    @Override
    public void remove(String userId, String groupPath) {
        Set<String> held = groups.get(userId);
        if (held != null) {
            held.remove(groupPath);
            if (held.isEmpty()) {
                groups.remove(userId);
            }
        }
    }

    @Override
    public Set<String> removeAll(String userId) {
        Set<String> held = groups.remove(userId);
        return held == null ? Set.of() : held;
    }

    @Override
    public List<String> users(String afterUserId, int limit) {
        return Stream.concat(groups.keySet().stream(), store.keys.values().stream()
                        .filter(k -> k.ownerUserId() != null && k.revokedAt() == null && k.ownerRemovedAt() == null)
                        .map(k -> k.ownerUserId()))
                .distinct().sorted().filter(u -> afterUserId == null || u.compareTo(afterUserId) > 0).limit(limit)
                .toList();
    }

    @Override
    public List<String[]> holders(String pathPrefix) {
        return groups.entrySet().stream().flatMap(e -> e.getValue().stream().filter(g -> g.startsWith(pathPrefix))
                .map(g -> new String[] {e.getKey(), g})).toList();
    }

    private boolean backfilled;

    @Override
    public boolean backfilled() {
        return backfilled;
    }

    @Override
    public void markBackfilled() {
        backfilled = true;
    }
}
