package dev.atrium.guardrail.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.guardrail.TestCredits;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.application.port.in.CheckPolicyUseCase;
import dev.atrium.guardrail.application.port.in.CheckPolicyUseCase.CheckCommand;
import dev.atrium.guardrail.application.port.in.LearnPricesUseCase;
import dev.atrium.guardrail.application.port.in.ReleaseReservationUseCase;
import dev.atrium.guardrail.application.port.in.SetPolicyUseCase;
import dev.atrium.guardrail.application.port.in.SetPolicyUseCase.SetPolicyCommand;
import dev.atrium.guardrail.application.port.out.BudgetLedger;
import dev.atrium.guardrail.application.port.out.TenancyRepository;
import dev.atrium.guardrail.domain.budget.Budget;
import dev.atrium.guardrail.domain.budget.BudgetWindow;
import dev.atrium.guardrail.domain.price.EndpointPrice;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.workspace.api.LimitReset;
import dev.atrium.guardrail.domain.policy.PolicyDocument;
import dev.atrium.guardrail.domain.rate.RateLimits;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A check's transaction on PostgreSQL: the statements it sends (docs/adr/0004-reservation-write-path.md
 * counts them) and what a refused check leaves behind.
 */
@QuarkusTest
class CheckTransactionAdapterTest {

    @Inject
    CheckPolicyUseCase checks;

    @Inject
    SetPolicyUseCase policies;

    @Inject
    LearnPricesUseCase prices;

    @Inject
    ReleaseReservationUseCase releases;

    @Inject
    TenancyRepository tenancy;

    @Inject
    BudgetLedger ledger;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /**
     * Organization, workspace and key budgets, a key limit, rate limits at three levels and a credit
     * balance: every lock a check can take. The one: admission takes every lock and writes the hold
     * (the key, the policies and the prices were read by the first check and are kept by the instance).
     * It commits on its own: no BEGIN and no COMMIT (ADR 0004, "One round trip").
     */
    @Test
    void aCheckWithEveryLimitSendsOneStatementWhichCommitsOnItsOwn() {
        String org = "org_stmt_" + run;
        TestCredits.grant(org);
        String ws = "ws_stmt_" + run;
        String key = "key_stmt_" + run;
        String model = "stmt-" + run + "/model";
        prices.priced(new EndpointPrice(model, "sim", new BigDecimal("0"), new BigDecimal("0.0001"), 4096));
        QuarkusTransaction.requiringNew().run(() -> {
            tenancy.saveKey(new KnownKey(key, ws, org, "dana", new BigDecimal("50"), LimitReset.MONTHLY, false));
            ledger.updateBalance(org, new BigDecimal("100"), 1);
        });
        policies.set(SetPolicyCommand.organization(org, limits(BudgetWindow.MONTHLY, 1000), "ops"));
        policies.set(SetPolicyCommand.workspace(org, ws, limits(BudgetWindow.WEEKLY, 1000), "ops"));
        policies.set(SetPolicyCommand.key(org, ws, key, limits(BudgetWindow.DAILY, 1000), "ops"));
        CheckCommand command = CheckCommand.of(new CheckRequest(org, ws, key, null, List.of(model), 10, 100));
        assertThat(checks.check(command).allowed()).isTrue();

        // The policies' own change notices (ADR 0028) reach this instance's listener a moment after their commits
        // and make it forget what it kept, so a check right after them may read the key and policies again: the
        // claim is about a check once nothing changed, which a few tries reach as soon as the notices were heard.
        StatementLog.Counted<CheckResult> counted = StatementLog.count(() -> checks.check(command));
        for (int tries = 1; counted.statements() != 1 && tries < 20; tries++) {
            sleep(100);
            counted = StatementLog.count(() -> checks.check(command));
        }

        System.out.printf("an admitted check with every limit: %d statements, BEGIN and COMMIT included%n",
                counted.statements());
        assertThat(counted.value().allowed()).isTrue();
        assertThat(counted.value().reservationId()).startsWith("res_");
        assertThat(counted.statements()).isEqualTo(1);
    }

    /** What the instance keeps ends when a change made through it commits: the next check sees the change. */
    @Test
    void aPolicyChangedThroughThisInstanceAppliesToTheNextCheck() {
        String org = "org_change_" + run;
        TestCredits.grant(org);
        String ws = "ws_change_" + run;
        String model = "change-" + run + "/model";
        prices.priced(new EndpointPrice(model, "sim", new BigDecimal("0"), new BigDecimal("0.0001"), 4096));
        CheckCommand command = CheckCommand.of(new CheckRequest(org, ws, null, null, List.of(model), 0, 100));
        assertThat(checks.check(command).allowed()).isTrue();

        policies.set(SetPolicyCommand.workspace(org, ws, new PolicyDocument(List.of("other/*"), null, null, null,
                null, null), "ops"));

        CheckResult after = checks.check(command);
        assertThat(after.allowed()).isFalse();
        assertThat(after.status()).isEqualTo(403);
    }

    /** The request is counted with the rate lock; a refusal for the budget takes the count back. */
    @Test
    void aRequestRefusedForItsBudgetIsNotCountedAgainstTheRateLimit() throws InterruptedException {
        String org = "org_refused_" + run;
        TestCredits.grant(org);
        String ws = "ws_refused_" + run;
        String model = "refused-" + run + "/model";
        // $0.01 worst case; the budget holds one.
        prices.priced(new EndpointPrice(model, "sim", new BigDecimal("0"), new BigDecimal("0.0001"), 4096));
        policies.set(SetPolicyCommand.organization(org, new PolicyDocument(null, null, null, null, null, null,
                List.of(new Budget(BudgetWindow.DAILY, new BigDecimal("0.015"), false)), new RateLimits(2, null), null),
                "ops"));
        CheckCommand command = CheckCommand.of(new CheckRequest(org, ws, null, null, List.of(model), 0, 100));
        long secondsLeft = 60 - Instant.now().getEpochSecond() % 60;
        if (secondsLeft < 5) {
            Thread.sleep(secondsLeft * 1000 + 100); // all in one minute
        }

        CheckResult first = checks.check(command);
        assertThat(first.allowed()).isTrue();
        assertThat(checks.check(command).status()).as("over the budget").isEqualTo(402);
        assertThat(releases.release(first.reservationId())).isTrue();
        assertThat(checks.check(command).allowed()).as("the second request counted this minute").isTrue();
        CheckResult third = checks.check(command);
        assertThat(third.status()).as("the third request counted this minute").isEqualTo(429);
        assertThat(third.message()).contains("2 requests per minute");
    }

    private static PolicyDocument limits(BudgetWindow window, int limit) {
        return new PolicyDocument(null, null, null, null, null, null,
                List.of(new Budget(window, new BigDecimal(limit), false)), new RateLimits(1000, 1_000_000), null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
