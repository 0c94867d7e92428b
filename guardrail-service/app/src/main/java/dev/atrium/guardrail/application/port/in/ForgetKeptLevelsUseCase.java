package dev.atrium.guardrail.application.port.in;

/** Another instance committed a change of keys, policies or named guardrails: nothing kept here answers again. */
public interface ForgetKeptLevelsUseCase {

    void changedElsewhere();
}
