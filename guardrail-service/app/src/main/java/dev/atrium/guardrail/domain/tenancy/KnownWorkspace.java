package dev.atrium.guardrail.domain.tenancy;

/** A workspace as workspace events told us: which organization it belongs to. */
public record KnownWorkspace(String id, String organizationId) {
}
