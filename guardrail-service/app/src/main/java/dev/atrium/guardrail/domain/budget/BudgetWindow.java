package dev.atrium.guardrail.domain.budget;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.api.LimitReset;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The period a budget counts spend over; every window but lifetime restarts at a UTC boundary. */
public enum BudgetWindow {
    DAILY, WEEKLY, MONTHLY, LIFETIME;

    public static BudgetWindow parse(String field, String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidFieldException(field, "window must be daily, weekly, monthly or lifetime");
        }
    }

    /** A key's {@code limit_reset}: none means the limit counts the key's whole life. */
    public static BudgetWindow of(LimitReset reset) {
        return reset == null ? LIFETIME : valueOf(reset.name());
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The start of the window holding {@code at}; the epoch for lifetime. */
    public Instant start(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return switch (this) {
            case DAILY -> midnight(day);
            case WEEKLY -> midnight(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            case MONTHLY -> midnight(day.withDayOfMonth(1));
            case LIFETIME -> Instant.EPOCH;
        };
    }

    /** When the window holding {@code at} ends; null for lifetime. */
    public Instant resetsAt(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return switch (this) {
            case DAILY -> midnight(day.plusDays(1));
            case WEEKLY -> midnight(day.with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
            case MONTHLY -> midnight(day.withDayOfMonth(1).plusMonths(1));
            case LIFETIME -> null;
        };
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
