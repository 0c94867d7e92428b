package dev.atrium.guardrail.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.workspace.api.LimitReset;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SpendServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T16:00:00Z");

    private final InMemoryStores store = new InMemoryStores();
    private final SpendService service = new SpendService(store, store, new InMemoryLedger(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void spendIsSummedPerUtcWindow() {
        record("gen-1", "0.5", NOW.minusSeconds(3600));
        record("gen-2", "0.25", Instant.parse("2026-11-24T10:00:00Z"));
        record("gen-3", "0.125", Instant.parse("2026-11-02T10:00:00Z"));
        record("gen-4", "1", Instant.parse("2026-10-31T23:59:59Z"));
        var spend = service.spend("key_1");
        assertThat(spend.usage().daily()).isEqualByComparingTo("0.5");
        assertThat(spend.usage().weekly()).isEqualByComparingTo("0.75");
        assertThat(spend.usage().monthly()).isEqualByComparingTo("0.875");
        assertThat(spend.usage().total()).isEqualByComparingTo("1.875");
        assertThat(spend.usage().total().scale()).isEqualTo(10);
    }

    @Test
    void aGenerationIsChargedOnce() {
        assertThat(record("gen-1", "0.0000015", NOW)).isTrue();
        assertThat(record("gen-1", "0.0000015", NOW)).isFalse();
        assertThat(service.spend("key_1").usage().total()).isEqualByComparingTo("0.0000015");
    }

    @Test
    void aBatchChargesEachGenerationOnceEvenWhenRepeatedWithinIt() {
        record("gen-0", "1", NOW);
        int charged = service.recordAll(java.util.List.of(command("gen-0", "1"), command("gen-1", "0.5"),
                command("gen-1", "0.5"), command("gen-2", "0.25")));
        assertThat(charged).isEqualTo(2);
        assertThat(service.spend("key_1").usage().total()).isEqualByComparingTo("1.75");
    }

    private static RecordUsageCommand command(String generationId, String cost) {
        return RecordUsageCommand.of(generationId, "key_1", "ws_1", "org_1", new BigDecimal(cost), false, NOW);
    }

    @Test
    void theKeysLimitFromWorkspaceEventsGivesWhatRemains() {
        store.saveKey(new KnownKey("key_1", "ws_1", "org_1", "u", new BigDecimal("5"), LimitReset.DAILY, false));
        record("gen-1", "1.5", NOW);
        record("gen-2", "2", Instant.parse("2026-11-25T10:00:00Z"));
        var spend = service.spend("key_1");
        assertThat(spend.limit()).isEqualByComparingTo("5");
        assertThat(spend.limitReset()).isEqualTo(LimitReset.DAILY);
        assertThat(spend.limitRemaining()).isEqualByComparingTo("3.5");
    }

    @Test
    void anUnknownKeyHasSpentNothingAndHasNoLimit() {
        var spend = service.spend("key_unknown");
        assertThat(spend.usage().total()).isEqualByComparingTo("0");
        assertThat(spend.limit()).isNull();
        assertThat(spend.limitRemaining()).isNull();
    }

    @Test
    void aNegativeCostIsRejectedNamingTheField() {
        assertThatThrownBy(() -> RecordUsageCommand.of("gen-1", "key_1", "ws", "org", new BigDecimal("-1"), false, NOW))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("cost");
    }

    private boolean record(String generation, String cost, Instant at) {
        return service.record(RecordUsageCommand.of(generation, "key_1", "ws_1", "org_1", new BigDecimal(cost), false,
                at));
    }
}
