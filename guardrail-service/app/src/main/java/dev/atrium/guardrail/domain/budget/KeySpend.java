package dev.atrium.guardrail.domain.budget;

import dev.atrium.guardrail.domain.Money;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.workspace.api.LimitReset;
import java.math.BigDecimal;

/**
 * A key's spend and what remains of its limit. The limit counts the spend of its reset window,
 * BYOK usage only when the key says so; what remains never goes below zero.
 */
public record KeySpend(String keyId, WindowSums usage, BigDecimal limit, BigDecimal limitRemaining,
        LimitReset limitReset) {

    public static KeySpend of(String keyId, WindowSums all, WindowSums withoutByok, KnownKey key) {
        if (key == null || key.limit() == null) {
            return new KeySpend(keyId, all, null, null, key == null ? null : key.limitReset());
        }
        WindowSums counted = key.includeByokInLimit() ? all : withoutByok;
        BigDecimal remaining = Money.of(key.limit()).subtract(counted.in(key.limitReset())).max(Money.ZERO);
        return new KeySpend(keyId, all, Money.of(key.limit()), remaining, key.limitReset());
    }
}
