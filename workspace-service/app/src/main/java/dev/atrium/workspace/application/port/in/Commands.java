package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.domain.Slug;
import java.util.Set;

/** Field checks shared by the commands, each naming the field it rejects. */
final class Commands {

    private static final Set<String> SORTS = Set.of("price", "throughput", "latency");

    private Commands() {
    }

    static Slug slug(String value) {
        try {
            return new Slug(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("slug", e.getMessage());
        }
    }

    static String providerSort(String value) {
        if (value != null && !SORTS.contains(value)) {
            throw new InvalidFieldException("default_provider_sort",
                    "default_provider_sort must be price, throughput or latency");
        }
        return value;
    }

    /** Keycloak user ids are UUIDs; anything path-like could address another group or user. */
    static String userId(String value) {
        if (value == null || !value.matches("[A-Za-z0-9-]{1,64}")) {
            throw new InvalidFieldException("user", "user must be a Keycloak user id");
        }
        return value;
    }

    static String provider(String value) {
        if (value == null || !value.matches("[a-z0-9][a-z0-9._-]{0,62}")) {
            throw new InvalidFieldException("provider", "provider must be a provider slug like openai");
        }
        return value;
    }

    static String model(String field, String value) {
        if (value != null && (!value.contains("/") || value.length() > 200 || value.isBlank())) {
            throw new InvalidFieldException(field, field + " must be a model id like openai/gpt-4o-mini");
        }
        return value;
    }
}
