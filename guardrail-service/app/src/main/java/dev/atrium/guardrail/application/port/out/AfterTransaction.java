package dev.atrium.guardrail.application.port.out;

/** Runs an action once the current transaction has ended, or at once outside a transaction. */
public interface AfterTransaction {

    void run(Runnable action);
}
