package dev.atrium.guardrail.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.guardrail.application.port.out.TenancyRepository;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.workspace.api.LimitReset;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The service as deployed: its listener confirms that it hears (ADR 0033), so what a check read is kept past the
 * second that bounds it while nothing is heard. A key row written here without an announcement stands for a change
 * the instance could not hear; a notice of a change ends what was kept.
 */
@QuarkusTest
class LevelsKeptWhileHeardTest {

    @Inject
    LevelPolicies levels;

    @Inject
    TenancyRepository tenancy;

    @Test
    void whileTheListenerConfirmsAKeyIsKeptPastASecondAndAHeardChangeEndsIt() throws InterruptedException {
        String keyId = "key_heard_" + UUID.randomUUID();
        boolean keptPastASecond = false;
        // A lapse of confirmations (a machine too loaded to run the listener for a second) forgets everything, as it
        // should: such a try is repeated, at most three times.
        for (int attempt = 0; attempt < 3 && !keptPastASecond; attempt++) {
            save(keyId, "5");
            levels.changedElsewhere();
            assertThat(levels.key(keyId).limit()).isEqualByComparingTo("5");
            save(keyId, "1");
            Thread.sleep(1_500);
            keptPastASecond = levels.key(keyId).limit().compareTo(new BigDecimal("5")) == 0;
        }
        assertThat(keptPastASecond).as("kept past a second while the listener confirms, in one of three tries")
                .isTrue();

        levels.changedElsewhere();
        assertThat(levels.key(keyId).limit()).isEqualByComparingTo("1");
    }

    private void save(String keyId, String limit) {
        QuarkusTransaction.requiringNew().run(() -> tenancy.saveKey(new KnownKey(keyId, "ws_heard", "org_heard",
                "u_heard", new BigDecimal(limit), LimitReset.MONTHLY, false)));
    }
}
