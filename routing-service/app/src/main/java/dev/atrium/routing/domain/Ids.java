package dev.atrium.routing.domain;

/** Checks shared by the catalogue's records. */
final class Ids {

    private Ids() {
    }

    static String requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }
}
