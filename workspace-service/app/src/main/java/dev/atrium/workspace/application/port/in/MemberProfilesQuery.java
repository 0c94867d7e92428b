package dev.atrium.workspace.application.port.in;

import dev.atrium.workspace.domain.UserProfile;
import java.util.Collection;
import java.util.Map;

/** Members' email and names for listings, by user id. */
public interface MemberProfilesQuery {

    /** Every one of {@code userIds}: {@link UserProfile#UNKNOWN} for a user the provider does not know or could not say. */
    Map<String, UserProfile> profiles(Collection<String> userIds);
}
