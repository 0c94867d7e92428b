package dev.atrium.guardrail.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.application.port.in.CheckPolicyUseCase.CheckCommand;
import dev.atrium.guardrail.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import dev.atrium.guardrail.domain.budget.Budget;
import dev.atrium.guardrail.domain.budget.BudgetWindow;
import dev.atrium.guardrail.domain.budget.CreditState;
import dev.atrium.guardrail.domain.price.EndpointPrice;
import dev.atrium.guardrail.domain.budget.Holder;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.local.testing.MutableClock;
import dev.atrium.workspace.api.LimitReset;
import dev.atrium.guardrail.domain.policy.PolicyDocument;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.rate.RateLimits;
import dev.atrium.guardrail.domain.rate.RateState;
import dev.atrium.guardrail.domain.budget.SpendCounter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetCheckTest {

    private static final String MODEL = "openai/gpt-4o-mini";
    private static final Instant NOON = Instant.parse("2026-11-26T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOON);
    private final InMemoryStores store = new InMemoryStores();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final PolicyService policies = new PolicyService(store, store, new LevelPolicies(store, store), clock);
    private final PriceService prices = new PriceService(ledger, ledger, Runnable::run, clock);
    private final CheckService checks = new CheckService(new LevelPolicies(store, store), ledger, prices,
            InMemoryLedger.config(4096), clock);
    private final SpendService spend = new SpendService(store, store, ledger, clock);
    private final ReservationService reservations = new ReservationService(ledger, ledger, clock);

    BudgetCheckTest() {
        // $0.10 worst case for 1000 completion tokens and no prompt.
        ledger.price(MODEL, "openai", "0.000001", "0.0001", 16384);
        ledger.price(MODEL, "azure", "0.0000005", "0.00005", 4096);
        store.saveKey(new KnownKey("key_1", "ws_1", "org_1", "user_1", null, null, false));
        // Credits fail closed: the organization needs a known balance before anything is admitted.
        reservations.record("org_1", new BigDecimal("1000"), 0);
    }

    @Test
    void aBudgetAdmitsOnlyAsManyWorstCasesAsFitAndNamesItsLevelAndWindow() {
        budget(PolicyScope.workspace("ws_1"), BudgetWindow.DAILY, "0.45");
        for (int i = 0; i < 4; i++) {
            CheckResult r = check(1000);
            assertThat(r.allowed()).as("check %d", i).isTrue();
            assertThat(r.reservationId()).startsWith("res_");
        }
        CheckResult fifth = check(1000);
        assertThat(fifth.allowed()).isFalse();
        assertThat(fifth.status()).isEqualTo(402);
        assertThat(fifth.message()).isEqualTo("Workspace daily budget of $0.45 exceeded.");
        assertThat(fifth.reservationId()).isNull();
        assertThat(ledger.state(counter(PolicyScope.workspace("ws_1"), BudgetWindow.DAILY)).reserved())
                .isEqualByComparingTo("0.40");
    }

    @Test
    void settlementReplacesTheWorstCaseByTheActualCostOnce() {
        budget(PolicyScope.workspace("ws_1"), BudgetWindow.MONTHLY, "0.25");
        String first = check(1000).reservationId();
        check(1000);
        assertThat(check(1000).status()).isEqualTo(402);

        assertThat(settle("gen-1", first, "0.01")).isTrue();
        assertThat(settle("gen-1", first, "0.01")).isFalse();
        var state = ledger.state(counter(PolicyScope.workspace("ws_1"), BudgetWindow.MONTHLY));
        assertThat(state.spent()).isEqualByComparingTo("0.01");
        assertThat(state.reserved()).isEqualByComparingTo("0.10");
        assertThat(check(1000).allowed()).isTrue();
        assertThat(check(1000).status()).isEqualTo(402);
    }

    @Test
    void aReleasedOrExpiredReservationGivesItsWorstCaseBack() {
        budget(PolicyScope.organization("org_1"), BudgetWindow.LIFETIME, "0.10");
        String held = check(1000).reservationId();
        assertThat(check(1000).message()).isEqualTo("Organization lifetime budget of $0.10 exceeded.");
        assertThat(reservations.release(held)).isTrue();
        assertThat(reservations.release(held)).isFalse();
        assertThat(check(1000).allowed()).isTrue();
    }

    @Test
    void aHoldTakesTheIdTheGatewayNamedSoAGatewayThatGaveUpCanReleaseIt() {
        budget(PolicyScope.organization("org_1"), BudgetWindow.LIFETIME, "0.10");
        String named = "res_" + "0123456789abcdef".repeat(2);
        CheckResult held = checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1",
                List.of(MODEL), 0, 1000, null).withReservationId(named)));

        assertThat(held.reservationId()).isEqualTo(named);
        // The gateway never saw this answer; its release by the name it chose gives the worst case back.
        assertThat(check(1000).allowed()).isFalse();
        assertThat(reservations.release(named)).isTrue();
        assertThat(check(1000).allowed()).isTrue();
        assertThatThrownBy(() -> CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1",
                List.of(MODEL), 0, 1000, null).withReservationId("mine"))).hasMessageContaining("reservation_id");
    }

    @Test
    void budgetsNeverMergeEachCountsItsOwnScope() {
        budget(PolicyScope.organization("org_1"), BudgetWindow.MONTHLY, "100");
        budget(PolicyScope.member("ws_1", "user_1"), BudgetWindow.WEEKLY, "0.15");
        assertThat(check(1000).allowed()).isTrue();
        CheckResult second = check(1000);
        assertThat(second.status()).isEqualTo(402);
        assertThat(second.message()).isEqualTo("Member weekly budget of $0.15 exceeded.");

        store.saveKey(new KnownKey("key_2", "ws_1", "org_1", "user_2", null, null, false));
        CheckResult otherMember = checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_2", "user_2",
                List.of(MODEL), 0, 1000)));
        assertThat(otherMember.allowed()).isTrue();
        assertThat(ledger.state(counter(PolicyScope.organization("org_1"), BudgetWindow.MONTHLY)).reserved())
                .isEqualByComparingTo("0.20");
    }

    @Test
    void theKeysOwnLimitFromWorkspaceEventsIsItsBudget() {
        store.saveKey(new KnownKey("key_1", "ws_1", "org_1", "user_1", new BigDecimal("0.2"), LimitReset.MONTHLY,
                false));
        assertThat(check(1000).allowed()).isTrue();
        assertThat(check(1000).allowed()).isTrue();
        assertThat(check(1000).message()).isEqualTo("Key monthly limit of $0.20 exceeded.");

        store.saveKey(new KnownKey("key_1", "ws_1", "org_1", "user_1", new BigDecimal("5"), null, false));
        ledger.counters.put(counter(PolicyScope.key("key_1"), BudgetWindow.LIFETIME),
                new dev.atrium.guardrail.domain.budget.CounterState(new BigDecimal("4.95"), BigDecimal.ZERO, BigDecimal.ZERO));
        assertThat(check(1000).message()).isEqualTo("Key limit of $5.00 exceeded.");
    }

    @Test
    void byokSpendCountsOnlyForBudgetsThatIncludeIt() {
        policies.set(PolicyWrites.of(PolicyScope.workspace("ws_1"), new PolicyDocument(null, null, null, null,
                null, null, List.of(new Budget(BudgetWindow.DAILY, new BigDecimal("1"), false)), null, null), "a"));
        spend.record(RecordUsageCommand.of("gen-byok", "key_1", "ws_1", "org_1", "user_1", null,
                new BigDecimal("0.95"), true, NOON));
        assertThat(check(1000).allowed()).isTrue();
        policies.set(PolicyWrites.of(PolicyScope.workspace("ws_1"), new PolicyDocument(null, null, null, null,
                null, null, List.of(new Budget(BudgetWindow.DAILY, new BigDecimal("1"), true)), null, null), "a"));
        assertThat(check(1000).status()).isEqualTo(402);
    }

    @Test
    void aDailyBudgetStartsAgainAtUtcMidnightAndAMonthlyOneAtTheFirst() {
        budget(PolicyScope.workspace("ws_1"), BudgetWindow.DAILY, "0.10");
        settle("gen-1", check(1000).reservationId(), "0.10");
        assertThat(check(1000).status()).isEqualTo(402);
        clock.set(Instant.parse("2026-11-26T23:59:59Z"));
        assertThat(check(1000).status()).isEqualTo(402);
        clock.set(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(check(1000).allowed()).isTrue();

        budget(PolicyScope.workspace("ws_1"), BudgetWindow.MONTHLY, "0.25");
        clock.set(Instant.parse("2026-11-30T10:00:00Z"));
        settle("gen-2", check(1000).reservationId(), "0.10");
        assertThat(check(1000).status()).isEqualTo(402);
        clock.set(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(check(1000).allowed()).isTrue();
    }

    @Test
    void theWorstCaseUsesMaxTokensElseTheModelsMaximumElseTheDefault() {
        budget(PolicyScope.workspace("ws_1"), BudgetWindow.DAILY, "1000");
        check(2000);
        assertThat(reserved()).isEqualByComparingTo("0.2");
        checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1", List.of(MODEL), 1000,
                null)));
        assertThat(reserved()).isEqualByComparingTo(new BigDecimal("0.2").add(new BigDecimal("0.001"))
                .add(new BigDecimal("1.6384")));
        ledger.price("acme/tiny", "acme", "0", "0.001", null);
        checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1", List.of("acme/tiny"), 0,
                null)));
        assertThat(reserved()).isEqualByComparingTo(new BigDecimal("1.8394").add(new BigDecimal("4.096")));
    }

    @Test
    void everyChoiceOfNIsReservedAndTheVerdictNamesWhatWasHeldAndTheCompletionItCovers() {
        budget(PolicyScope.workspace("ws_1"), BudgetWindow.DAILY, "1000");
        CheckResult r = checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1",
                List.of(MODEL), 0, 2000, null, 8)));
        assertThat(r.allowed()).isTrue();
        assertThat(reserved()).as("eight choices of 2000 tokens").isEqualByComparingTo("1.6");
        assertThat(r.reserved()).isEqualByComparingTo("1.6");
        assertThat(r.completionTokens()).as("per choice").isEqualTo(2000);

        CheckResult unbounded = checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1",
                List.of(MODEL), 0, null)));
        assertThat(unbounded.completionTokens()).as("no max_tokens: the model's own maximum").isEqualTo(16384);
    }

    @Test
    void pricesUnknownToTheViewAreFetchedFromRoutingOnceAndKept() {
        budget(PolicyScope.workspace("ws_1"), BudgetWindow.DAILY, "10");
        ledger.catalogue.put("meta/llama", List.of(new EndpointPrice("meta/llama", "groq", new BigDecimal("0"),
                new BigDecimal("0.0002"), null)));
        CheckResult r = checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1",
                List.of("meta/llama:nitro"), 0, 1000)));
        assertThat(r.allowed()).isTrue();
        assertThat(reserved()).isEqualByComparingTo("0.2");
        checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1", List.of("meta/llama"), 0,
                1000)));
        assertThat(ledger.catalogueAsked).containsExactly("meta/llama");
    }

    @Test
    void withABudgetAndNoKnownPriceTheCheckRefusesRatherThanOverspend() {
        budget(PolicyScope.workspace("ws_1"), BudgetWindow.DAILY, "10");
        CheckResult r = checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1",
                List.of("nobody/knows"), 0, 1000)));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.message()).isEqualTo("The prices of nobody/knows are not known yet, so the request cannot be"
                + " priced against budgets and credits; try again shortly.");
        checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1", List.of("nobody/knows"), 0,
                1000)));
        assertThat(ledger.catalogueAsked).containsExactly("nobody/knows");
        clock.advance(Duration.ofSeconds(31));
        ledger.catalogue.put("nobody/knows", List.of(new EndpointPrice("nobody/knows", "x", BigDecimal.ZERO,
                new BigDecimal("0.0001"), null)));
        assertThat(checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1",
                List.of("nobody/knows"), 0, 1000))).allowed()).isTrue();
        assertThat(ledger.catalogueAsked).containsExactly("nobody/knows", "nobody/knows");
    }

    /** Without a budget, an unknown price used to be admitted on positive credit with nothing held. */
    @Test
    void withoutABudgetARequestThatCannotBePricedIsRefusedNotAdmittedWithAZeroHold() {
        CheckResult r = checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1",
                List.of("nobody/knows"), 120, null)));
        assertThat(r.allowed()).isFalse();
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.message()).isEqualTo("The prices of nobody/knows are not known yet, so the request cannot be"
                + " priced against budgets and credits; try again shortly.");
        assertThat(r.reservationId()).isNull();
        assertThat(ledger.reservations).isEmpty();
        assertThat(ledger.credit("org_1").orElseThrow().reserved()).isEqualByComparingTo("0");
        assertThat(ledger.catalogueAsked).as("routing was asked for the price").containsExactly("nobody/knows");
        CheckResult explained = checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1",
                List.of("nobody/knows"), 120, null).asDryRun()));
        assertThat(explained.status()).as("explain answers what the request would get").isEqualTo(503);
    }

    @Test
    void aHoldNamesTheGatewayInstanceAndLifeThatAskedForIt() {
        Holder holder = new Holder("gateway-0", "life-2");
        CheckResult r = checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1",
                List.of(MODEL), 0, 1000).heldBy(new dev.atrium.guardrail.api.Holder("gateway-0", "life-2"))));
        assertThat(r.allowed()).isTrue();
        assertThat(ledger.reservations.get(r.reservationId()).holder()).isEqualTo(holder);
        assertThat(ledger.heldInOtherLives(new Holder("gateway-0", "life-3"), 10)).containsExactly(r.reservationId());
        assertThat(ledger.heldInOtherLives(holder, 10)).as("its own life's holds stay").isEmpty();
    }

    @Test
    void aCheckNamingNoModelAnswersConstraintsOnlyHoldingAndCountingNothing() {
        budget(PolicyScope.workspace("ws_1"), BudgetWindow.DAILY, "10");
        policies.set(PolicyWrites.of(PolicyScope.key("key_1"), new PolicyDocument(null, null, null, null, null,
                4096, null, new RateLimits(1, null), null), "a"));
        for (int i = 0; i < 3; i++) {
            CheckResult r = checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1",
                    List.of(), 0, null)));
            assertThat(r.allowed()).isTrue();
            assertThat(r.reservationId()).isNull();
            assertThat(r.constraints().maxTokens()).isEqualTo(4096);
        }
        assertThat(ledger.rates).isEmpty();
        assertThat(ledger.reservations).isEmpty();
        assertThat(ledger.relaxedCommits).isZero();
    }

    @Test
    void onlyTheChecksHoldingTransactionCommitsWithoutWaitingForTheDiskNeverTheSettlement() {
        budget(PolicyScope.workspace("ws_1"), BudgetWindow.DAILY, "10");
        String reservation = check(1000).reservationId();
        assertThat(ledger.relaxedCommits).isEqualTo(1);
        assertThat(settle("gen-durable", reservation, "0.01")).isTrue();
        assertThat(ledger.relaxedCommits).isEqualTo(1);
    }

    @Test
    void durableReservationsWhenConfiguredSo() {
        CheckService durable = new CheckService(new LevelPolicies(store, store), ledger,
                new PriceService(ledger, ledger, Runnable::run, clock), InMemoryLedger.config(4096, true), clock);
        budget(PolicyScope.workspace("ws_1"), BudgetWindow.DAILY, "10");
        assertThat(durable.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1",
                List.of("openai/gpt-4o-mini"), 0, 1000))).reservationId()).startsWith("res_");
        assertThat(ledger.relaxedCommits).isZero();
    }

    @Test
    void anOrganizationWithoutAKnownBalanceHasNoCredits() {
        CheckResult r = checks.check(CheckCommand.of(new CheckRequest("org_new", "ws_9", null, null,
                List.of(MODEL), 0, 1000)));
        assertThat(r.allowed()).isFalse();
        assertThat(r.status()).isEqualTo(402);
        assertThat(r.message()).isEqualTo("The organization's credits are too low for this request:"
                + " this request may cost up to $0.10. An organization admin can add credits.");
        assertThat(ledger.reservations).isEmpty();

        CheckResult unpriced = checks.check(CheckCommand.of(new CheckRequest("org_new", "ws_9", null, null,
                List.of("nobody/knows"), 0, 1000)));
        assertThat(unpriced.status()).as("what cannot be priced is refused before credits are looked at")
                .isEqualTo(503);
        assertThat(unpriced.allowed()).isFalse();
    }

    @Test
    void aNewOrganizationsZeroBalanceRefusesUntilBillingsBalanceReplacesIt() {
        assertThat(ledger.openCredit("org_new")).isTrue();
        assertThat(checks.check(CheckCommand.of(new CheckRequest("org_new", "ws_9", null, null,
                List.of(MODEL), 0, 1000))).status()).isEqualTo(402);

        assertThat(reservations.record("org_new", new BigDecimal("5"), 0)).isTrue();
        assertThat(ledger.openCredit("org_new")).as("a known balance is never reset").isFalse();

        CheckResult r = checks.check(CheckCommand.of(new CheckRequest("org_new", "ws_9", null, null,
                List.of(MODEL), 0, 1000)));
        assertThat(r.allowed()).isTrue();
        assertThat(creditHold(r)).isEqualByComparingTo("0.10");
    }

    /** Prices are kept for a few seconds: one this instance learns applies at once, another's within them. */
    @Test
    void aPriceLearnedHereAppliesAtOnceAndOneLearnedElsewhereWithinSeconds() {
        assertThat(reservations.record("org_1", new BigDecimal("100"), 1)).isTrue();
        assertThat(creditHold(check(1000))).isEqualByComparingTo("0.10");

        ledger.price(MODEL, "openai", "0.000001", "0.0002", 16384); // written by another instance
        assertThat(creditHold(check(1000))).isEqualByComparingTo("0.10");
        clock.advance(PriceService.KNOWN_FOR);
        assertThat(creditHold(check(1000))).isEqualByComparingTo("0.20");

        prices.priced(new EndpointPrice(MODEL, "openai", new BigDecimal("0.000001"), new BigDecimal("0.0003"), 16384));
        assertThat(creditHold(check(1000))).isEqualByComparingTo("0.30");
    }

    private BigDecimal creditHold(CheckResult result) {
        return ledger.reservations.get(result.reservationId()).creditHold();
    }

    @Test
    void theCreditBalanceMinusWhatIsHeldMustCoverTheWorstCase() {
        assertThat(reservations.record("org_1", new BigDecimal("0.25"), 3)).isTrue();
        assertThat(reservations.record("org_1", new BigDecimal("100"), 2)).isFalse();
        assertThat(check(1000).allowed()).isTrue();
        String second = check(1000).reservationId();
        CheckResult third = check(1000);
        assertThat(third.status()).isEqualTo(402);
        assertThat(third.message()).isEqualTo("The organization's credits are too low for this request:"
                + " this request may cost up to $0.10. An organization admin can add credits.")
                .doesNotContain("$0.25").doesNotContain("$0.05");
        reservations.release(second);
        assertThat(check(1000).allowed()).isTrue();
    }

    /** The credit is read, not locked: checks that held it since are seen by the hold, which refuses. */
    @Test
    void aCreditHeldByOtherChecksSinceItWasReadIsRefusedAndNothingStays() {
        assertThat(reservations.record("org_1", new BigDecimal("0.25"), 3)).isTrue();
        policies.set(PolicyWrites.of(PolicyScope.key("key_1"), new PolicyDocument(null, null, null, null, null,
                null, null, new RateLimits(10, null), null), "a"));
        assertThat(check(1000).allowed()).isTrue();
        ledger.beforeHold = () -> {
            CreditState c = ledger.credits.get("org_1");
            ledger.credits.put("org_1", new CreditState(c.balance(), c.reserved().add(new BigDecimal("0.10"))));
        };

        CheckResult raced = check(1000);

        assertThat(raced.status()).isEqualTo(402);
        assertThat(raced.message()).isEqualTo("The organization's credits are too low for this request:"
                + " this request may cost up to $0.10. An organization admin can add credits.")
                .doesNotContain("$0.25").doesNotContain("$0.05");
        assertThat(ledger.reservations).hasSize(1);
        assertThat(ledger.rates.values()).as("the refused request's count is taken back")
                .containsOnly(new RateState(1, 1000));
    }

    @Test
    void aDryRunAnswersTheSameVerdictAndCountsHoldsAndWritesNothing() {
        clock.set(Instant.parse("2026-11-26T12:00:45Z"));
        policies.set(PolicyWrites.of(PolicyScope.key("key_1"), new PolicyDocument(null, null, null, null, null,
                null, null, new RateLimits(2, null), null), "a"));
        budget(PolicyScope.workspace("ws_1"), BudgetWindow.DAILY, "0.25");
        for (int i = 0; i < 5; i++) {
            CheckResult dry = dryRun(1000);
            assertThat(dry.allowed()).as("dry run %d", i).isTrue();
            assertThat(dry.reservationId()).isNull();
        }
        assertThat(ledger.rates).isEmpty();
        assertThat(ledger.reservations).isEmpty();
        assertThat(ledger.counters).isEmpty();

        assertThat(check(1000).allowed()).isTrue();
        assertThat(check(1000).allowed()).isTrue();
        CheckResult dry = dryRun(1000);
        CheckResult real = check(1000);
        assertThat(dry.status()).isEqualTo(429);
        assertThat(dry.message()).isEqualTo(real.message()).isEqualTo("Key rate limit of 2 requests per minute exceeded.");
        assertThat(dry.retryAfterSeconds()).isEqualTo(65);
        assertThat(ledger.rates.values()).containsOnly(new RateState(2, 2000));
        assertThat(ledger.reservations).hasSize(2);
        assertThat(ledger.state(counter(PolicyScope.workspace("ws_1"), BudgetWindow.DAILY)).reserved())
                .isEqualByComparingTo("0.20");
        assertThat(ledger.relaxedCommits).as("only the real checks wrote").isEqualTo(3);
    }

    @Test
    void aDryRunRefusesWhatABudgetWouldRefuse() {
        budget(PolicyScope.workspace("ws_1"), BudgetWindow.DAILY, "0.15");
        check(1000);
        CheckResult dry = dryRun(1000);
        assertThat(dry.status()).isEqualTo(402);
        assertThat(dry.message()).isEqualTo("Workspace daily budget of $0.15 exceeded.");
        assertThat(ledger.reservations).hasSize(1);
    }

    private CheckResult dryRun(int maxTokens) {
        return checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1", List.of(MODEL), 0,
                maxTokens, null).asDryRun()));
    }

    @Test
    void aRateLimitRefusesWith429AndTheSecondsUntilItsOldestRequestsLeaveTheWindow() {
        clock.set(Instant.parse("2026-11-26T12:00:45Z"));
        policies.set(PolicyWrites.of(PolicyScope.key("key_1"), new PolicyDocument(null, null, null, null, null,
                null, null, new RateLimits(2, null), null), "a"));
        assertThat(check(1000).allowed()).isTrue();
        assertThat(check(1000).allowed()).isTrue();
        CheckResult third = check(1000);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.message()).isEqualTo("Key rate limit of 2 requests per minute exceeded.");
        // Counted in the bucket of 12:00:40, which leaves the window at 12:01:50.
        assertThat(third.retryAfterSeconds()).isEqualTo(65);
        clock.advance(Duration.ofSeconds(64));
        assertThat(check(1000).status()).as("a minute on, still within the window").isEqualTo(429);
        clock.advance(Duration.ofSeconds(1));
        assertThat(check(1000).allowed()).isTrue();
    }

    @Test
    void aBurstAcrossAMinuteBoundaryIsNeverAdmittedTwice() {
        clock.set(Instant.parse("2026-11-26T12:00:59.500Z"));
        policies.set(PolicyWrites.of(PolicyScope.key("key_1"), new PolicyDocument(null, null, null, null, null,
                null, null, new RateLimits(10, null), null), "a"));
        int admitted = 0;
        for (int i = 0; i < 20; i++) {
            admitted += check(1).allowed() ? 1 : 0;
            clock.advance(Duration.ofMillis(47));
        }
        assertThat(clock.instant()).isAfter(Instant.parse("2026-11-26T12:01:00Z"));
        assertThat(admitted).as("20 requests in 0.94 s across 12:01 on a 10/min key").isEqualTo(10);
    }

    @Test
    void aTokensPerMinuteLimitCountsPromptAndMaxTokens() {
        policies.set(PolicyWrites.of(PolicyScope.workspace("ws_1"), new PolicyDocument(null, null, null, null,
                null, null, null, new RateLimits(null, 2500), null), "a"));
        assertThat(check(1000).allowed()).isTrue();
        assertThat(check(1000).allowed()).isTrue();
        assertThat(check(1000).message()).isEqualTo("Workspace rate limit of 2500 tokens per minute exceeded.");
    }

    private CheckResult check(int maxTokens) {
        return checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1", List.of(MODEL), 0,
                maxTokens)));
    }

    private boolean settle(String generation, String reservation, String cost) {
        return spend.record(RecordUsageCommand.of(generation, "key_1", "ws_1", "org_1", "user_1", reservation,
                new BigDecimal(cost), false, clock.instant()));
    }

    private void budget(PolicyScope scope, BudgetWindow window, String limit) {
        policies.set(PolicyWrites.of(scope, new PolicyDocument(null, null, null, null, null, null,
                List.of(new Budget(window, new BigDecimal(limit), false)), null, null), "admin"));
    }

    private BigDecimal reserved() {
        return ledger.state(counter(PolicyScope.workspace("ws_1"), BudgetWindow.DAILY)).reserved();
    }

    private SpendCounter counter(PolicyScope scope, BudgetWindow window) {
        return SpendCounter.of(scope, window, clock.instant());
    }
}
