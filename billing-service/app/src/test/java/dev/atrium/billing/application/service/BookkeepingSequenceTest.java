package dev.atrium.billing.application.service;

import static dev.atrium.billing.application.service.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.atrium.billing.application.port.in.AddCreditsUseCase.AddCreditsCommand;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.UsageOutcome;
import dev.atrium.billing.domain.ByokFee;
import dev.atrium.billing.domain.Direction;
import dev.atrium.billing.domain.LedgerEntry;
import dev.atrium.billing.domain.Money;
import dev.atrium.common.error.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A random mix of top-ups, grants, usage (some of it BYOK, charged a 2.5% fee instead of its cost),
 * replayed usage and reused idempotency keys. After every
 * step each organization's balance equals both an independent running total and the sum of its
 * entries, and all debits equal all credits. Re-run a failure with -Dbilling.seed=<seed>.
 */
class BookkeepingSequenceTest {

    private static final List<String> ORGS = List.of("org_a", "org_b", "org_c");

    private final InMemoryBilling store = new InMemoryBilling();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Bookkeeper bookkeeper = new Bookkeeper(store, store, Fixtures.THRESHOLD);
    private final CreditService credits = new CreditService(store, store, bookkeeper, clock);
    private final UsageRecordingService usage = new UsageRecordingService(store, store, bookkeeper, store,
            new ByokFee(new BigDecimal("2.5")), clock);

    private final Map<String, BigDecimal> expected = new HashMap<>();
    private final List<RecordUsageCommand> recorded = new ArrayList<>();
    private final List<AddCreditsCommand> credited = new ArrayList<>();

    @Test
    void balancesEqualTheirEntriesAfterEveryStep() {
        long seed = Long.getLong("billing.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int step = 0; step < 600; step++) {
            String org = ORGS.get(random.nextInt(ORGS.size()));
            String action = step(random, org, step);
            String context = "seed " + seed + ", step " + step + " (" + action + ")";
            for (String o : ORGS) {
                BigDecimal balance = store.balance(o).map(b -> b.amount()).orElse(Money.ZERO);
                assertThat(balance).as("balance of %s vs running total; %s", o, context)
                        .isEqualByComparingTo(expected.getOrDefault(o, Money.ZERO));
                assertThat(balance).as("balance of %s vs its entries; %s", o, context)
                        .isEqualByComparingTo(store.creditsFromEntries(o));
                assertThat(store.invariants(o).hold()).as("invariants of %s; %s", o, context).isTrue();
            }
            assertThat(total(Direction.DEBIT)).as("all debits = all credits; %s", context)
                    .isEqualByComparingTo(total(Direction.CREDIT));
        }
        assertThat(recorded).as("seed %d exercised usage", seed).isNotEmpty();
        assertThat(recorded).as("seed %d exercised BYOK usage", seed).anyMatch(c -> c.generation().byok());
    }

    private String step(Random random, String org, int step) {
        switch (random.nextInt(6)) {
            case 0, 1 -> {
                var command = random.nextBoolean() ? Fixtures.topUp(org, "key-" + step, amount(random))
                        : Fixtures.grant(org, "key-" + step, amount(random));
                credits.add(command);
                credited.add(command);
                expected.merge(org, command.amount(), BigDecimal::add);
                return command.kind().wire() + " " + command.amount().toPlainString() + " to " + org;
            }
            case 2, 3 -> {
                String cost = random.nextInt(10) == 0 ? "0" : BigDecimal.valueOf(random.nextLong(1, 20_000_000_000L), 10)
                        .toPlainString();
                boolean byok = random.nextInt(3) == 0;
                var command = Fixtures.usage("gen-" + step, org, "ws_1", "key_1", "m/" + random.nextInt(3), cost,
                        byok, NOW);
                assertThat(usage.record(command)).isEqualTo(UsageOutcome.RECORDED);
                recorded.add(command);
                BigDecimal charged = byok ? Money.of(new BigDecimal(cost).multiply(new BigDecimal("0.025")))
                        : command.generation().cost();
                expected.merge(org, charged.negate(), BigDecimal::add);
                return (byok ? "BYOK usage " : "usage ") + cost + " by " + org;
            }
            case 4 -> {
                if (recorded.isEmpty()) {
                    return "nothing to replay";
                }
                var earlier = recorded.get(random.nextInt(recorded.size())).generation();
                var replay = Fixtures.usage(earlier.id(), earlier.organizationId(), "ws_1", "key_1", earlier.model(),
                        random.nextBoolean() ? earlier.cost().toPlainString() : "3.1415926535",
                        random.nextBoolean() ? earlier.byok() : !earlier.byok(), NOW);
                assertThat(usage.record(replay)).isEqualTo(UsageOutcome.DUPLICATE);
                return "replay of " + earlier.id();
            }
            default -> {
                if (credited.isEmpty()) {
                    return "no key to reuse";
                }
                var earlier = credited.get(random.nextInt(credited.size()));
                if (random.nextBoolean()) {
                    assertThat(credits.add(earlier).replayed()).isTrue();
                    return "same key, same body: " + earlier.idempotencyKey();
                }
                var other = Fixtures.topUp(earlier.organizationId(), earlier.idempotencyKey(),
                        earlier.amount().add(BigDecimal.ONE).toPlainString());
                assertThat(catchThrowable(() -> credits.add(other))).isInstanceOf(ApiException.class);
                return "same key, other body: " + earlier.idempotencyKey();
            }
        }
    }

    private static String amount(Random random) {
        return BigDecimal.valueOf(random.nextLong(1, 1_000_000_000_000L), 3 + random.nextInt(8)).toPlainString();
    }

    private BigDecimal total(Direction side) {
        return store.entries.stream().filter(e -> e.direction() == side).map(LedgerEntry::amount)
                .reduce(Money.ZERO, BigDecimal::add);
    }
}
