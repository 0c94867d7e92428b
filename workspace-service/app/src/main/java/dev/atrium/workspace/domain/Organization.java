package dev.atrium.workspace.domain;

import java.time.Instant;

public record Organization(String id, String name, Slug slug, Instant createdAt) {

    public Organization renamed(String newName) {
        return new Organization(id, newName, slug, createdAt);
    }
}
