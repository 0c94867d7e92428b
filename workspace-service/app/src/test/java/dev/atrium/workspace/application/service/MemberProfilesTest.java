package dev.atrium.workspace.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.local.testing.MutableClock;
import dev.atrium.workspace.application.port.out.UserProfiles;
import dev.atrium.workspace.domain.UserProfile;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemberProfilesTest {

    private final Map<String, UserProfile> keycloak = new HashMap<>();
    private final AtomicInteger asked = new AtomicInteger();
    private boolean down;
    private final UserProfiles provider = userId -> {
        asked.incrementAndGet();
        if (down) {
            throw new IllegalStateException("Keycloak is down");
        }
        return Optional.ofNullable(keycloak.get(userId));
    };
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T02:00:00Z"));
    private final MemberProfiles profiles = new MemberProfiles(provider, clock);

    @Test
    void answersEachMembersProfileAndUnknownForAUserTheProviderDoesNotKnow() {
        keycloak.put("u1", new UserProfile("ada@example.com", "Ada", "Lovelace"));
        Map<String, UserProfile> answered = profiles.profiles(List.of("u1", "gone"));
        assertThat(answered.get("u1")).isEqualTo(new UserProfile("ada@example.com", "Ada", "Lovelace"));
        assertThat(answered.get("gone")).isEqualTo(UserProfile.UNKNOWN);
    }

    @Test
    void asksTheProviderOncePerPersonWhileTheProfileIsFreshThenAgain() {
        keycloak.put("u1", new UserProfile("ada@example.com", "Ada", "Lovelace"));
        profiles.profiles(List.of("u1"));
        keycloak.put("u1", new UserProfile("ada@babbage.org", "Ada", "King"));
        assertThat(profiles.profiles(List.of("u1")).get("u1").email()).isEqualTo("ada@example.com");
        assertThat(asked.get()).isEqualTo(1);
        clock.advance(MemberProfiles.FRESH);
        assertThat(profiles.profiles(List.of("u1")).get("u1").email()).isEqualTo("ada@babbage.org");
        assertThat(asked.get()).isEqualTo(2);
    }

    @Test
    void aProviderThatCannotAnswerLeavesTheProfileUnknownAndAsksAgainNextTime() {
        keycloak.put("u1", new UserProfile("ada@example.com", "Ada", "Lovelace"));
        down = true;
        assertThat(profiles.profiles(List.of("u1")).get("u1")).isEqualTo(UserProfile.UNKNOWN);
        down = false;
        assertThat(profiles.profiles(List.of("u1")).get("u1").lastName()).isEqualTo("Lovelace");
    }
}
