package dev.atrium.routing.domain;

import java.util.Objects;

/** A model as clients name it: {@code author/slug}. */
public record Model(String id, String name, int contextLength, Capabilities capabilities) {

    public Model {
        Ids.requireText("model id", id);
        if (!id.contains("/")) {
            throw new IllegalArgumentException("model id must read author/slug, not " + id);
        }
        Ids.requireText("model name", name);
        if (contextLength <= 0) {
            throw new IllegalArgumentException("context_length must be positive for " + id);
        }
        Objects.requireNonNull(capabilities, "capabilities");
    }
}
