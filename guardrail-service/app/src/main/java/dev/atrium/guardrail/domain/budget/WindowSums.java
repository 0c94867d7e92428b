package dev.atrium.guardrail.domain.budget;

import dev.atrium.guardrail.domain.Money;
import dev.atrium.workspace.api.LimitReset;
import java.math.BigDecimal;

/** Spend in total and in the current day, week and month. */
public record WindowSums(BigDecimal total, BigDecimal daily, BigDecimal weekly, BigDecimal monthly) {

    public static final WindowSums ZERO = new WindowSums(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

    public WindowSums {
        total = Money.of(total);
        daily = Money.of(daily);
        weekly = Money.of(weekly);
        monthly = Money.of(monthly);
    }

    /** This spend less {@code part} (a part of it, so never below zero window by window). */
    public WindowSums minus(WindowSums part) {
        return new WindowSums(total.subtract(part.total), daily.subtract(part.daily), weekly.subtract(part.weekly),
                monthly.subtract(part.monthly));
    }

    /** The spend a limit with this reset counts; all of it for a limit that never resets. */
    public BigDecimal in(LimitReset reset) {
        if (reset == null) {
            return total;
        }
        return switch (reset) {
            case DAILY -> daily;
            case WEEKLY -> weekly;
            case MONTHLY -> monthly;
        };
    }
}
