package dev.atrium.console.adapter.out.client;

/** The services the console calls. */
public enum Service {
    WORKSPACE, GUARDRAIL, ROUTING, BILLING, GATEWAY
}
