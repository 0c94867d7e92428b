package dev.atrium.workspace.domain;

import java.util.regex.Pattern;

/** A URL-safe handle: lowercase letters, digits and dashes, 1 to 63 characters. */
public record Slug(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public Slug {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "slug must be 1-63 lowercase letters, digits or dashes, starting with a letter or digit");
        }
    }
}
