package dev.atrium.guardrail.domain.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.workspace.api.LimitReset;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeySpendTest {

    @Test
    void windowsStartAtTheUtcDayIsoWeekAndMonth() {
        SpendWindows w = SpendWindows.at(Instant.parse("2026-11-26T16:30:00Z"));
        assertThat(w.dayStart()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(w.weekStart()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(w.monthStart()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void theLimitCountsItsResetWindowAndNeverGoesBelowZero() {
        WindowSums spent = new WindowSums(new BigDecimal("9"), new BigDecimal("1"), new BigDecimal("3"),
                new BigDecimal("6"));
        KeySpend weekly = KeySpend.of("key_1", spent, spent, key(new BigDecimal("5"), LimitReset.WEEKLY, false));
        assertThat(weekly.limitRemaining()).isEqualByComparingTo("2");
        KeySpend lifetime = KeySpend.of("key_1", spent, spent, key(new BigDecimal("5"), null, false));
        assertThat(lifetime.limitRemaining()).isEqualByComparingTo("0");
    }

    @Test
    void byokUsageCountsAgainstTheLimitOnlyWhenTheKeySaysSo() {
        WindowSums all = new WindowSums(new BigDecimal("4"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        WindowSums withoutByok = new WindowSums(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(KeySpend.of("k", all, withoutByok, key(BigDecimal.TEN, null, false)).limitRemaining())
                .isEqualByComparingTo("9");
        assertThat(KeySpend.of("k", all, withoutByok, key(BigDecimal.TEN, null, true)).limitRemaining())
                .isEqualByComparingTo("6");
    }

    @Test
    void byokUsageIsThePartOfTheSpendMadeWithTheWorkspacesOwnKeysInEachWindow() {
        WindowSums all = new WindowSums(new BigDecimal("4"), new BigDecimal("1"), new BigDecimal("2"),
                new BigDecimal("3"));
        WindowSums byok = new WindowSums(new BigDecimal("3"), new BigDecimal("0.5"), new BigDecimal("1"),
                new BigDecimal("2"));
        KeySpend spend = KeySpend.of("k", new SpendSplit(all, byok), key(BigDecimal.TEN, LimitReset.MONTHLY, false));
        assertThat(spend.usage()).isEqualTo(all);
        assertThat(spend.byokUsage()).isEqualTo(byok);
        assertThat(spend.limitRemaining()).isEqualByComparingTo("9");
        assertThat(KeySpend.of("k", SpendSplit.ZERO, null).byokUsage()).isEqualTo(WindowSums.ZERO);
    }

    @Test
    void anUnknownOrUnlimitedKeyHasNoLimit() {
        KeySpend unknown = KeySpend.of("k", WindowSums.ZERO, WindowSums.ZERO, null);
        assertThat(unknown.limit()).isNull();
        assertThat(unknown.limitRemaining()).isNull();
        assertThat(KeySpend.of("k", WindowSums.ZERO, WindowSums.ZERO, key(null, LimitReset.DAILY, false))
                .limitRemaining()).isNull();
    }

    private static KnownKey key(BigDecimal limit, LimitReset reset, boolean includeByok) {
        return new KnownKey("k", "ws", "org", "u", limit, reset, includeByok);
    }
}
