package dev.atrium.guardrail.domain.budget;

import dev.atrium.guardrail.domain.Money;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.workspace.api.LimitReset;
import java.math.BigDecimal;

/**
 * A key's spend and what remains of its limit. The limit counts the spend of its reset window,
 * BYOK usage only when the key says so; what remains never goes below zero. {@code usage} includes
 * {@code byokUsage}, the part its BYOK generations made.
 */
public record KeySpend(String keyId, WindowSums usage, WindowSums byokUsage, BigDecimal limit,
        BigDecimal limitRemaining, LimitReset limitReset) {

    public static KeySpend of(String keyId, SpendSplit spent, KnownKey key) {
        return of(keyId, spent.all(), spent.withoutByok(), key);
    }

    public static KeySpend of(String keyId, WindowSums all, WindowSums withoutByok, KnownKey key) {
        WindowSums byok = all.minus(withoutByok);
        if (key == null || key.limit() == null) {
            return new KeySpend(keyId, all, byok, null, null, key == null ? null : key.limitReset());
        }
        WindowSums counted = key.includeByokInLimit() ? all : withoutByok;
        BigDecimal remaining = Money.of(key.limit()).subtract(counted.in(key.limitReset())).max(Money.ZERO);
        return new KeySpend(keyId, all, byok, Money.of(key.limit()), remaining, key.limitReset());
    }
}
