package dev.atrium.guardrail.domain.policy;

/** What a level asks of providers' data handling; a null field has no opinion. */
public record DataPolicy(Boolean zdrRequired, DataCollection dataCollection, Boolean allowTraining) {
}
