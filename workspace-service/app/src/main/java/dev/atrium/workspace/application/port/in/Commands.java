package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.domain.Slug;

/** Field checks shared by the commands, each naming the field it rejects. */
final class Commands {

    private Commands() {
    }

    static Slug slug(String value) {
        try {
            return new Slug(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("slug", e.getMessage());
        }
    }
}
