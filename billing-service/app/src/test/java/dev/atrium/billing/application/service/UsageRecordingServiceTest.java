package dev.atrium.billing.application.service;

import static dev.atrium.billing.application.service.Fixtures.NOW;
import static dev.atrium.billing.application.service.Fixtures.topUp;
import static dev.atrium.billing.application.service.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.billing.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.UsageOutcome;
import dev.atrium.billing.domain.ByokFee;
import dev.atrium.common.error.InvalidFieldException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UsageRecordingServiceTest {

    private final InMemoryBilling store = new InMemoryBilling();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Bookkeeper bookkeeper = new Bookkeeper(store, store, Fixtures.THRESHOLD);
    private final UsageRecordingService usage = new UsageRecordingService(store, store, bookkeeper, store, ByokFee.NONE, clock);

    @Test
    void storesTheGenerationAndDebitsItsExactCost() {
        new CreditService(store, store, bookkeeper, clock).add(topUp("org_a", "k1", "10"));

        assertThat(usage.record(usage("gen-1", "org_a", "openai/gpt-4o-mini", "0.0000123457")))
                .isEqualTo(UsageOutcome.RECORDED);

        var stored = store.generations.get("gen-1");
        assertThat(stored.cost()).isEqualTo(new BigDecimal("0.0000123457"));
        assertThat(stored.tokensPrompt()).isEqualTo(120);
        assertThat(stored.policyRevision()).isEqualTo("org:3,ws:7");
        assertThat(store.balance("org_a").orElseThrow().amount()).isEqualTo(new BigDecimal("9.9999876543"));
        assertThat(store.events).last().asString().startsWith("usage:gen-1:9.9999876543");
    }

    @Test
    void aReplayedRecordChangesNothing() {
        usage.record(usage("gen-1", "org_a", "m/x", "1.5"));
        var afterFirst = store.balance("org_a").orElseThrow();

        assertThat(usage.record(usage("gen-1", "org_a", "m/x", "1.5"))).isEqualTo(UsageOutcome.DUPLICATE);
        assertThat(usage.record(usage("gen-1", "org_a", "m/x", "99"))).isEqualTo(UsageOutcome.DUPLICATE);
        assertThat(store.balance("org_a").orElseThrow()).isEqualTo(afterFirst);
        assertThat(store.entries).hasSize(2);
        assertThat(store.events).hasSize(1);
    }

    @Test
    void balanceMayGoBelowZero() {
        usage.record(usage("gen-1", "org_new", "m/x", "0.75"));

        assertThat(store.balance("org_new").orElseThrow().amount()).isEqualTo(new BigDecimal("-0.7500000000"));
    }

    @Test
    void aFreeGenerationIsStoredWithoutEntries() {
        assertThat(usage.record(usage("gen-free", "org_a", "m/free", "0"))).isEqualTo(UsageOutcome.RECORDED);

        assertThat(store.generations).containsKey("gen-free");
        assertThat(store.entries).isEmpty();
        assertThat(store.balance("org_a")).isEmpty();
    }

    @Test
    void costBeyondTenDecimalsIsRoundedHalfEven() {
        usage.record(usage("gen-1", "org_a", "m/x", "0.00000000015"));

        assertThat(store.generations.get("gen-1").cost()).isEqualTo(new BigDecimal("0.0000000002"));
    }

    @Test
    void missingCreationTimeBecomesTheReceiptTime() {
        var command = RecordUsageCommand.of("gen-1", "org_a", "ws", "key", null, "m/x", "p", 1, 1, BigDecimal.ONE,
                false, 1, null, null, NOW);

        assertThat(command.generation().createdAt()).isEqualTo(NOW);
    }

    @Test
    void malformedRecordsNameTheField() {
        assertField(() -> usage(null, "org_a", "m/x", "1"), "generation_id");
        assertField(() -> usage("gen-1", " ", "m/x", "1"), "organization_id");
        assertField(() -> usage("gen-1", "org_a", null, "1"), "model");
        assertField(() -> usage("gen-1", "org_a", "m/x", "-0.01"), "cost");
        assertField(() -> RecordUsageCommand.of("gen-1", "org_a", "ws", "key", null, "m/x", "p", -1, 1,
                BigDecimal.ONE, false, 1, null, NOW, NOW), "prompt_tokens");
        assertField(() -> RecordUsageCommand.of("gen-1", "org_a", "ws", "key", null, "m/x", "p", 1, 1, null,
                false, 1, null, NOW, NOW), "cost");
        assertField(() -> usage("gen-" + "x".repeat(100), "org_a", "m/x", "1"), "generation_id");
    }

    private static void assertField(Runnable command, String field) {
        assertThatThrownBy(command::run).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo(field);
    }
}
