package dev.atrium.workspace.testing;

import dev.atrium.workspace.application.port.out.MembershipDirectory;
import dev.atrium.workspace.application.port.out.UserProfiles;
import dev.atrium.workspace.domain.UserProfile;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keycloak's groups in memory: the use-case tests' fake, and the @QuarkusTest replacement of the adapter. */
@Alternative
@Priority(1)
@ApplicationScoped
public class InMemoryMembershipDirectory implements MembershipDirectory, UserProfiles {

    private final Map<String, Set<String>> groups = new ConcurrentHashMap<>();
    private final List<Deletion> deletions = new CopyOnWriteArrayList<>();
    private final Map<String, UserProfile> profiles = new ConcurrentHashMap<>();

    /** Users exist once registered here, as they would in Keycloak. */
    public void register(String userId) {
        groups.putIfAbsent(userId, new TreeSet<>());
    }

    /** A user with an email and names, as Keycloak keeps them. */
    public void register(String userId, UserProfile profile) {
        register(userId);
        profiles.put(userId, profile);
    }

    @Override
    public Optional<UserProfile> profile(String userId) {
        return userExists(userId) ? Optional.of(profiles.getOrDefault(userId, UserProfile.UNKNOWN)) : Optional.empty();
    }

    /** The user is deleted, as an admin would in Keycloak, which records it as an admin event. */
    public void delete(String userId) {
        groups.remove(userId);
        deletions.add(new Deletion(userId, Instant.now()));
    }

    @Override
    public synchronized Map<String, Set<String>> memberships() {
        Map<String, Set<String>> held = new TreeMap<>();
        groups.forEach((user, paths) -> paths.forEach(p -> held.computeIfAbsent(p, x -> new TreeSet<>()).add(user)));
        return held;
    }

    @Override
    public List<Deletion> deletionsSince(Instant from) {
        return deletions.stream().filter(d -> !d.at().isBefore(from)).toList();
    }

    @Override
    public boolean userExists(String userId) {
        return groups.containsKey(userId);
    }

    @Override
    public synchronized Set<String> groupsOf(String userId) {
        return Set.copyOf(groups.getOrDefault(userId, Set.of()));
    }

    @Override
    public synchronized void join(String userId, String groupPath) {
        groups.computeIfAbsent(userId, u -> new TreeSet<>()).add(groupPath);
    }

    @Override
    public synchronized void leave(String userId, String groupPath) {
        groups.getOrDefault(userId, new TreeSet<>()).remove(groupPath);
    }
}
