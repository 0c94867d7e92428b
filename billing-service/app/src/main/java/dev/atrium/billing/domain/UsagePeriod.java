package dev.atrium.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Whole UTC days: {@code from} inclusive, {@code to} exclusive. */
public record UsagePeriod(LocalDate from, LocalDate to) {

    public UsagePeriod {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("to must be after from");
        }
    }

    /** The calendar month (UTC) that holds the instant. */
    public static UsagePeriod monthOf(Instant instant) {
        LocalDate first = LocalDate.ofInstant(instant, ZoneOffset.UTC).withDayOfMonth(1);
        return new UsagePeriod(first, first.plusMonths(1));
    }

    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant end() {
        return to.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
