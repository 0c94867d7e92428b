package dev.atrium.guardrail.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.guardrail.application.port.in.RecordUsageUseCase;
import dev.atrium.guardrail.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import dev.atrium.guardrail.application.port.in.ReleasePreviousLivesUseCase;
import dev.atrium.guardrail.application.port.out.AdmissionLocks;
import dev.atrium.guardrail.application.port.out.BudgetLedger;
import dev.atrium.guardrail.application.port.out.ReservationAudit;
import dev.atrium.guardrail.domain.budget.BudgetWindow;
import dev.atrium.guardrail.domain.budget.CounterState;
import dev.atrium.guardrail.domain.budget.HeldAmounts;
import dev.atrium.guardrail.domain.budget.Hold;
import dev.atrium.guardrail.domain.budget.Holder;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.budget.Reservation;
import dev.atrium.guardrail.domain.budget.SpendCounter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A gateway instance's start gives back its earlier lives' holds on the real PostgreSQL (V7 and the
 * holder in R__reservation_protocol.sql): only that instance's, never its present life's, and a hold so
 * given back that a late usage record then settles is charged once and given back once.
 */
@QuarkusTest
class PreviousLivesAdapterTest {

    @Inject
    AdmissionLocks locks;

    @Inject
    BudgetLedger ledger;

    @Inject
    ReleasePreviousLivesUseCase previousLives;

    @Inject
    RecordUsageUseCase usage;

    @Inject
    ReservationAudit audit;

    @Inject
    AgroalDataSource dataSource;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aStartGivesBackOnlyItsInstancesEarlierLivesHolds() {
        String org = "org_lives_" + run;
        SpendCounter daily = SpendCounter.of(PolicyScope.organization(org), BudgetWindow.DAILY, Instant.now());
        Holder firstLife = new Holder("gateway-a-" + run, "life-1");
        Holder secondLife = new Holder("gateway-a-" + run, "life-2");
        Holder otherInstance = new Holder("gateway-b-" + run, "life-1");
        String crashed1 = hold(org, "0.10", daily, firstLife);
        String crashed2 = hold(org, "0.20", daily, firstLife);
        String current = hold(org, "0.40", daily, secondLife);
        String others = hold(org, "0.80", daily, otherInstance);
        String unnamed = hold(org, "1.60", daily, null);

        assertThat(previousLives.releasePreviousLives(secondLife)).isEqualTo(2);

        assertThat(open(org)).containsExactlyInAnyOrder(current, others, unnamed);
        assertThat(ledger.read(List.of(daily)).get(daily).reserved()).isEqualByComparingTo("2.80");
        assertThat(ledger.credit(org).orElseThrow().reserved()).isEqualByComparingTo("2.80");
        assertThat(previousLives.releasePreviousLives(secondLife)).as("a repeated start finds nothing").isZero();

        // The first life answered crashed1 before it died and spooled its usage: it arrives after the release.
        usage.recordAll(List.of(RecordUsageCommand.of("gen_lives_" + run, "key_" + run, "ws_" + run, org, null,
                crashed1, new BigDecimal("0.03"), false, Instant.now())));
        CounterState after = ledger.read(List.of(daily)).get(daily);
        assertThat(after.spent()).as("charged what was used").isEqualByComparingTo("0.03");
        assertThat(after.reserved()).as("nothing given back twice").isEqualByComparingTo("2.80");
        HeldAmounts line = audit.heldByOrganization().stream().filter(h -> h.organizationId().equals(org))
                .findFirst().orElseThrow();
        assertThat(line.drifted()).isFalse();
        assertThat(open(org)).doesNotContain(crashed1, crashed2);
    }

    private String hold(String org, String amount, SpendCounter counter, Holder holder) {
        if (ledger.credit(org).isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> ledger.updateBalance(org, new BigDecimal("100"), 1));
        }
        Reservation r = new Reservation("res_" + UUID.randomUUID().toString().replace("-", ""), org,
                List.of(new Hold(counter, new BigDecimal(amount))), new BigDecimal(amount), Instant.now(),
                Instant.now().plus(Duration.ofHours(1)), holder);
        var locked = locks.lock(new AdmissionLocks.Request(true, new TreeSet<>(), 0, new TreeSet<>(List.of(counter)),
                org, r));
        assertThat(locked.held()).isTrue();
        return r.id();
    }

    private List<String> open(String org) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM reservation WHERE organization_id = '" + org + "'")) {
            List<String> ids = new java.util.ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
