package dev.atrium.workspace.application.service;

import dev.atrium.workspace.application.port.in.MemberProfilesQuery;
import dev.atrium.workspace.application.port.out.UserProfiles;
import dev.atrium.workspace.domain.UserProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Members' profiles from the identity provider, kept {@link #FRESH} so a listing asks it once per person
 * per few minutes, not once per person per listing. A change of name or email shows within that time. A
 * provider that cannot answer leaves the listing up with the profile unknown (and not kept): names are a
 * convenience, the roles are what the listing is for.
 */
@ApplicationScoped
public class MemberProfiles implements MemberProfilesQuery {

    static final Duration FRESH = Duration.ofMinutes(5);
    /** Bounds the memory: beyond it the cache starts again (a listing then asks the provider again). */
    static final int MAX_KEPT = 10_000;

    private static final Logger LOG = Logger.getLogger(MemberProfiles.class);

    private final UserProfiles provider;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    public MemberProfiles(UserProfiles provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    @Override
    public Map<String, UserProfile> profiles(Collection<String> userIds) {
        Map<String, UserProfile> profiles = new LinkedHashMap<>();
        for (String userId : userIds) {
            profiles.put(userId, profile(userId));
        }
        return profiles;
    }

    private UserProfile profile(String userId) {
        Instant now = clock.instant();
        Kept k = kept.get(userId);
        if (k != null && now.isBefore(k.until())) {
            return k.profile();
        }
        UserProfile profile;
        try {
            profile = provider.profile(userId).orElse(UserProfile.UNKNOWN);
        } catch (RuntimeException e) {
            LOG.warnf("No profile for user %s: %s", userId, e.getMessage());
            return UserProfile.UNKNOWN;
        }
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(userId, new Kept(profile, now.plus(FRESH)));
        return profile;
    }

    private record Kept(UserProfile profile, Instant until) {
    }
}
