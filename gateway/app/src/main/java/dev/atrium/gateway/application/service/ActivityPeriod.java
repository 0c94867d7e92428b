package dev.atrium.gateway.application.service;

import dev.atrium.common.error.ApiException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The UTC days {@code GET /api/v1/activity} reports: {@code from} inclusive, {@code to} exclusive. */
public record ActivityPeriod(LocalDate from, LocalDate to) {

    private static final int DAYS = 30;

    /** The day named ({@code YYYY-MM-DD}), or the last 30 days. */
    public static ActivityPeriod of(String date, Clock clock) {
        if (date == null || date.isBlank()) {
            // OpenRouter shows the last 30 completed days; today is included so that a key sees its newest use.
            LocalDate to = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
            return new ActivityPeriod(to.minusDays(DAYS), to);
        }
        try {
            LocalDate from = LocalDate.parse(date);
            return new ActivityPeriod(from, from.plusDays(1));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("date", "date must be a UTC day like 2026-11-01");
        }
    }
}
