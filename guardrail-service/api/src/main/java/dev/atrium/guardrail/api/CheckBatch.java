package dev.atrium.guardrail.api;

import java.util.List;

/**
 * {@code POST /internal/v1/checks/batch}: several checks in one call, each decided and committed on
 * its own exactly as {@code POST /internal/v1/checks} would; the answer lists their results in the
 * same order. A gateway sends checks that arrive while its earlier calls are still out this way, so
 * under load one HTTP exchange carries several (docs/adr/0007-check-batches.md).
 */
public record CheckBatch(List<CheckRequest> checks) {

    /** The most checks one call may carry. */
    public static final int MAX_CHECKS = 64;

    /** The answer: one result per check, in the order of {@code checks}. */
    public record Results(List<CheckResult> results) {
    }
}
