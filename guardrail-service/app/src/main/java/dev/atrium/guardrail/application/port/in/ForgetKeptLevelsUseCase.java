package dev.atrium.guardrail.application.port.in;

/**
 * What this instance hears of key, policy and named-guardrail changes committed anywhere: a change ends
 * everything kept here, and a confirmation that nothing went unheard lets kept values answer longer.
 */
public interface ForgetKeptLevelsUseCase {

    /** Another instance committed a change of keys, policies or named guardrails: nothing kept here answers again. */
    void changedElsewhere();

    /**
     * Every change committed before {@code nanoTime} (a {@link System#nanoTime()} reading) has been heard and
     * passed to {@link #changedElsewhere()}.
     */
    void heardAllBefore(long nanoTime);
}
