package dev.atrium.workspace.domain;

/**
 * What the identity provider says of a person, for listings: any part may be null (not filled in, or the
 * provider could not be asked).
 */
public record UserProfile(String email, String firstName, String lastName) {

    public static final UserProfile UNKNOWN = new UserProfile(null, null, null);
}
