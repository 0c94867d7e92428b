package dev.atrium.guardrail.domain.budget;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** The starts of the current UTC day, ISO week (Monday) and month. */
public record SpendWindows(Instant dayStart, Instant weekStart, Instant monthStart) {

    public static SpendWindows at(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return new SpendWindows(start(today),
                start(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))),
                start(today.withDayOfMonth(1)));
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
