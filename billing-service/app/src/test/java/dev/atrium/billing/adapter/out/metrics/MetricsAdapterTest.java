package dev.atrium.billing.adapter.out.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.billing.application.port.in.AddCreditsUseCase;
import dev.atrium.billing.application.port.in.AddCreditsUseCase.AddCreditsCommand;
import dev.atrium.billing.application.port.in.AuditLedgersUseCase;
import dev.atrium.billing.application.port.in.RecordUsageUseCase;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import dev.atrium.billing.domain.LedgerAudit;
import dev.atrium.billing.domain.LedgerInvariants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What Prometheus scrapes at /q/metrics (on the management port), and the ledger audit behind the violations gauge. */
@QuarkusTest
class MetricsAdapterTest {

    @Inject
    AuditLedgersUseCase audit;
    @Inject
    AddCreditsUseCase credits;
    @Inject
    RecordUsageUseCase usage;
    @Inject
    EntityManager em;
    // The management URL already ends with its root path, /q.
    @TestHTTPResource(value = "metrics", management = true)
    URL metricsUrl;

    @Test
    void processedUsageRecordsAreCountedAfterTheirTransactionCommits() {
        double recorded = scrape("atrium_billing_usage_records_total\\{[^}]*outcome=\"recorded\"[^}]*}");
        double duplicates = scrape("atrium_billing_usage_records_total\\{[^}]*outcome=\"duplicate\"[^}]*}");
        RecordUsageCommand command = RecordUsageCommand.of("gen-" + UUID.randomUUID(), "org_metrics", "ws_m", "k",
                null, "a/x", "p", 1, 1, new BigDecimal("0.01"), false, 1, null, Instant.now(), Instant.now());

        usage.record(command);
        usage.record(command);

        assertThat(scrape("atrium_billing_usage_records_total\\{[^}]*outcome=\"recorded\"[^}]*}"))
                .isEqualTo(recorded + 1);
        assertThat(scrape("atrium_billing_usage_records_total\\{[^}]*outcome=\"duplicate\"[^}]*}"))
                .isEqualTo(duplicates + 1);
    }

    @Test
    void theAuditLogsATamperedBalanceAndExposesTheViolationsAsAGauge() {
        String org = "org_tampered_" + UUID.randomUUID().toString().substring(0, 8);
        credits.add(AddCreditsCommand.of(org, "seed-" + org, BigDecimal.TEN, "USD", "top_up", null, "admin"));
        assertThat(audit.audit().violations()).extracting(LedgerInvariants::organizationId).doesNotContain(org);

        moveCreditsBalanceBehindTheLedgersBack(org, "1");
        LedgerAudit found;
        try {
            found = audit.audit();
        } finally {
            moveCreditsBalanceBehindTheLedgersBack(org, "-1");
        }

        assertThat(found.violations()).extracting(LedgerInvariants::organizationId).contains(org);
        assertThat(found.violations().stream().filter(v -> v.organizationId().equals(org)).findFirst().orElseThrow()
                .describe()).contains("account credits balance 11");
        assertThat(scrape("atrium_billing_invariant_violations")).isEqualTo(found.violations().size());
        LedgerAudit repaired = audit.audit();
        assertThat(repaired.violations()).extracting(LedgerInvariants::organizationId).doesNotContain(org);
        assertThat(scrape("atrium_billing_invariant_violations")).isEqualTo(repaired.violations().size());
    }

    private void moveCreditsBalanceBehindTheLedgersBack(String org, String amount) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE account"
                        + " SET balance = balance + :amount WHERE organization_id = :org AND type = 'credits'")
                .setParameter("amount", new BigDecimal(amount)).setParameter("org", org).executeUpdate());
    }

    /** The value of the first sample matching the pattern (a metric name and its labels). */
    private double scrape(String sample) {
        String metrics = given().get(metricsUrl).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + sample + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(metrics);
        assertThat(m.find()).as("%s in /q/metrics", sample).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
