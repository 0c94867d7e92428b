package dev.atrium.billing.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.billing.domain.UsageGrouping;
import dev.atrium.billing.domain.UsagePeriod;
import dev.atrium.billing.domain.UsageReport;
import dev.atrium.billing.domain.UsageRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageViewsTest {

    @Test
    void csvQuotesAwkwardValuesAndDefusesFormulas() {
        var report = UsageReport.of("org_a", new UsagePeriod(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01")),
                UsageGrouping.MODEL, List.of(
                        new UsageRow("vendor/model, \"large\"", 1, 2, 3, new BigDecimal("0.5000000000"),
                                new BigDecimal("0.0250000000"), new BigDecimal("0.0250000000")),
                        new UsageRow("=HYPERLINK(1)", 1, 2, 3, new BigDecimal("0E-10"), new BigDecimal("0E-10"),
                                new BigDecimal("0E-10")),
                        new UsageRow(null, 1, 0, 0, new BigDecimal("1.0000000000"), new BigDecimal("0E-10"),
                                new BigDecimal("1.0000000000"))));

        assertThat(UsageViews.csv(report).split("\r\n")).containsExactly(
                "model,requests,prompt_tokens,completion_tokens,cost,byok_fee,charged",
                "\"vendor/model, \"\"large\"\"\",1,2,3,0.5,0.025,0.025",
                "'=HYPERLINK(1),1,2,3,0,0,0",
                ",1,0,0,1,0,1");
    }
}
