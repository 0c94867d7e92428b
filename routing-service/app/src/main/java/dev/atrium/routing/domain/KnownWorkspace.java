package dev.atrium.routing.domain;

/** A workspace as learned from workspace events: enough to authorize calls on its routes. */
public record KnownWorkspace(String id, String organizationId, boolean archived) {

    public KnownWorkspace {
        Ids.requireText("workspace id", id);
        Ids.requireText("organization id", organizationId);
    }
}
