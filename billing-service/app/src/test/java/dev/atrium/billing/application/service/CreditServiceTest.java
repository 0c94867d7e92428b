package dev.atrium.billing.application.service;

import static dev.atrium.billing.application.service.Fixtures.NOW;
import static dev.atrium.billing.application.service.Fixtures.grant;
import static dev.atrium.billing.application.service.Fixtures.topUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.billing.application.port.in.AddCreditsUseCase.AddCreditsCommand;
import dev.atrium.billing.application.port.in.AddCreditsUseCase.CreditOutcome;
import dev.atrium.billing.domain.AccountType;
import dev.atrium.billing.domain.Direction;
import dev.atrium.common.error.ApiException;
import dev.atrium.common.error.InvalidFieldException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CreditServiceTest {

    private final InMemoryBilling store = new InMemoryBilling();

    @Test
    void topUpCreditsTheBalanceWithBalancedEntries() {
        CreditOutcome outcome = service(NOW).add(topUp("org_a", "k1", "100"));

        assertThat(outcome.status()).isEqualTo(201);
        assertThat(outcome.replayed()).isFalse();
        assertThat(outcome.receipt().balance()).isEqualByComparingTo("100");
        assertThat(outcome.receipt().kind()).isEqualTo("top_up");
        assertThat(outcome.receipt().note()).isEqualTo("invoice 7");
        assertThat(store.entries).extracting(e -> e.account() + " " + e.direction() + " " + e.amount().toPlainString())
                .containsExactlyInAnyOrder("FUNDING DEBIT 100.0000000000", "CREDITS CREDIT 100.0000000000");
        assertThat(store.credits.get(outcome.receipt().id()).createdBy()).isEqualTo("admin-1");
        assertThat(store.events).containsExactly("top_up:" + outcome.receipt().id() + ":100.0000000000:r1");
    }

    @Test
    void grantIsFundedFromTheGrantsAccount() {
        service(NOW).add(grant("org_a", "k1", "2.5"));

        assertThat(store.entries).anyMatch(e -> e.account() == AccountType.GRANTS && e.direction() == Direction.DEBIT);
        assertThat(store.balance("org_a").orElseThrow().amount()).isEqualByComparingTo("2.5");
    }

    @Test
    void sameKeyAndSameBodyReplaysTheFirstAnswerAndBooksOnce() {
        CreditService credits = service(NOW);
        CreditOutcome first = credits.add(topUp("org_a", "k1", "100"));
        credits.add(topUp("org_a", "k2", "1"));
        CreditOutcome replay = credits.add(topUp("org_a", "k1", "100.00"));

        assertThat(replay.replayed()).isTrue();
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.receipt()).isEqualTo(first.receipt());
        assertThat(store.transactions).hasSize(2);
        assertThat(store.balance("org_a").orElseThrow().amount()).isEqualByComparingTo("101");
    }

    @Test
    void sameKeyWithAnotherBodyIs422AndBooksNothing() {
        CreditService credits = service(NOW);
        credits.add(topUp("org_a", "k1", "100"));

        for (AddCreditsCommand other : new AddCreditsCommand[] {topUp("org_a", "k1", "101"), grant("org_a", "k1", "100"),
                topUp("org_b", "k1", "100")}) {
            assertThatThrownBy(() -> credits.add(other)).isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).status()).isEqualTo(422);
        }
        assertThat(store.transactions).hasSize(1);
    }

    @Test
    void keysExpireAfter24Hours() {
        service(NOW).add(topUp("org_a", "k1", "100"));
        CreditOutcome dayLater = service(NOW.plus(Duration.ofHours(24))).add(topUp("org_a", "k1", "100"));

        assertThat(dayLater.replayed()).isFalse();
        assertThat(store.balance("org_a").orElseThrow().amount()).isEqualByComparingTo("200");
        assertThat(service(NOW.plus(Duration.ofHours(25))).add(topUp("org_a", "k1", "100")).replayed()).isTrue();
    }

    @Test
    void commandsNameTheInvalidField() {
        assertField(() -> topUp("org_a", null, "1"), "Idempotency-Key");
        assertField(() -> topUp("org_a", "", "1"), "Idempotency-Key");
        assertField(() -> topUp("org_a", "k", "0"), "amount");
        assertField(() -> topUp("org_a", "k", "-5"), "amount");
        assertField(() -> topUp("org_a", "k", "0.00000000001"), "amount");
        assertField(() -> topUp("org_a", "k", "1000000000.01"), "amount");
        assertField(() -> AddCreditsCommand.of("org_a", "k", null, "USD", "top_up", null, "u"), "amount");
        assertField(() -> AddCreditsCommand.of("org_a", "k", BigDecimal.ONE, "EUR", "top_up", null, "u"), "currency");
        assertField(() -> AddCreditsCommand.of("org_a", "k", BigDecimal.ONE, null, "top_up", null, "u"), "currency");
        assertField(() -> AddCreditsCommand.of("org_a", "k", BigDecimal.ONE, "USD", "gift", null, "u"), "kind");
        assertField(() -> AddCreditsCommand.of("org_a", "k", BigDecimal.ONE, "USD", null, null, "u"), "kind");
        assertField(() -> AddCreditsCommand.of("org_a", "k", BigDecimal.ONE, "USD", "grant", "n".repeat(501), "u"),
                "note");
    }

    private CreditService service(Instant now) {
        return new CreditService(store, store, new Bookkeeper(store, store, Fixtures.THRESHOLD),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static void assertField(Runnable command, String field) {
        assertThatThrownBy(command::run).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo(field);
    }
}
