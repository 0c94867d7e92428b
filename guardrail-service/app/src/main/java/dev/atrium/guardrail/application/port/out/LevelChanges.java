package dev.atrium.guardrail.application.port.out;

/**
 * Keys, policies or named guardrails were written in the current transaction: every instance sharing the
 * database hears of it when the transaction commits (and not if it rolls back), so none keeps what it read
 * before for the rest of {@code LevelPolicies}' second.
 */
public interface LevelChanges {

    void announce();
}
