package dev.atrium.guardrail.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.guardrail.application.port.out.LevelChanges;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Another instance's key or policy change reaches this one through PostgreSQL when it commits: not while its
 * transaction is open, never when it rolls back (a second listener here stands for the other instance).
 */
@QuarkusTest
class LevelChangesAdapterTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LevelChanges changes;

    @Test
    void aChangeIsHeardWhenItsTransactionCommitsAndNeverWhenItRollsBack() throws Exception {
        AtomicInteger heard = new AtomicInteger();
        LevelChangesListener elsewhere = new LevelChangesListener(dataSource, heard::incrementAndGet);
        elsewhere.start(null);
        try {
            // Listening begins by forgetting everything, since nothing could be heard before.
            assertThat(within(10_000, () -> heard.get() == 1)).as("listening").isTrue();

            QuarkusTransaction.requiringNew().run(() -> {
                changes.announce();
                assertThat(within(300, () -> heard.get() > 1)).as("heard while the transaction is open").isFalse();
            });
            assertThat(within(2_000, () -> heard.get() == 2)).as("heard after the commit").isTrue();

            QuarkusTransaction.begin();
            changes.announce();
            QuarkusTransaction.rollback();
            assertThat(within(500, () -> heard.get() > 2)).as("heard after a rollback").isFalse();
        } finally {
            elsewhere.stop(null);
        }
    }

    /** Whether {@code condition} holds within {@code millis}. */
    private static boolean within(long millis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
