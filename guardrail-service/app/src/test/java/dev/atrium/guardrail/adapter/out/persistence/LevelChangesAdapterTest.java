package dev.atrium.guardrail.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.guardrail.application.port.in.ForgetKeptLevelsUseCase;
import dev.atrium.guardrail.application.port.out.LevelChanges;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Another instance's key or policy change reaches this one through PostgreSQL when it commits: not while its
 * transaction is open, never when it rolls back (a second listener here stands for the other instance). The
 * listener confirms again and again that nothing went unheard, and after its connection is lost confirms only once
 * it listens again, which first forgets everything.
 */
@QuarkusTest
class LevelChangesAdapterTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LevelChanges changes;

    /** What a listener told: how many changes it heard, and its confirmations (each with the changes before it). */
    static final class Told implements ForgetKeptLevelsUseCase {
        final AtomicInteger changed = new AtomicInteger();
        final AtomicLong heardBefore = new AtomicLong(Long.MIN_VALUE);
        final AtomicInteger confirmations = new AtomicInteger();
        /** Per confirmation: its time, and how many changes had been told before it. */
        final List<long[]> confirmed = new CopyOnWriteArrayList<>();

        @Override
        public void changedElsewhere() {
            changed.incrementAndGet();
        }

        @Override
        public void heardAllBefore(long nanoTime) {
            confirmed.add(new long[] {nanoTime, changed.get()});
            heardBefore.set(nanoTime);
            confirmations.incrementAndGet();
        }
    }

    @Test
    void aChangeIsHeardWhenItsTransactionCommitsAndNeverWhenItRollsBack() throws Exception {
        Told heard = new Told();
        LevelChangesListener elsewhere = new LevelChangesListener(dataSource, heard);
        elsewhere.start(null);
        try {
            // Listening begins by forgetting everything, since nothing could be heard before.
            assertThat(within(10_000, () -> heard.changed.get() == 1)).as("listening").isTrue();

            QuarkusTransaction.requiringNew().run(() -> {
                changes.announce();
                assertThat(within(300, () -> heard.changed.get() > 1)).as("heard while the transaction is open")
                        .isFalse();
            });
            assertThat(within(2_000, () -> heard.changed.get() == 2)).as("heard after the commit").isTrue();

            QuarkusTransaction.begin();
            changes.announce();
            QuarkusTransaction.rollback();
            assertThat(within(500, () -> heard.changed.get() > 2)).as("heard after a rollback").isFalse();
        } finally {
            elsewhere.stop(null);
        }
    }

    @Test
    void aChangeCommittedBeforeAConfirmationIsHeardBeforeIt() throws Exception {
        Told heard = new Told();
        LevelChangesListener elsewhere = new LevelChangesListener(dataSource, heard);
        elsewhere.start(null);
        try {
            assertThat(within(10_000, () -> heard.heardBefore.get() != Long.MIN_VALUE)).as("confirmed").isTrue();
            for (int i = 0; i < 5; i++) {
                int before = heard.changed.get();
                QuarkusTransaction.requiringNew().run(changes::announce);
                long committed = System.nanoTime();
                assertThat(within(2_000, () -> heard.heardBefore.get() - committed > 0)).as("confirmed again")
                        .isTrue();
                assertThat(heard.changed.get()).as("the change committed before the confirmation was heard")
                        .isGreaterThan(before);
            }
        } finally {
            elsewhere.stop(null);
        }
    }

    @Test
    void confirmationsComeAgainAndAgainAndAfterALostConnectionOnlyOnceListeningAgainForgotEverything()
            throws Exception {
        Told heard = new Told();
        LevelChangesListener elsewhere = new LevelChangesListener(dataSource, heard);
        elsewhere.start(null);
        try {
            assertThat(within(10_000, () -> heard.heardBefore.get() != Long.MIN_VALUE)).as("confirmed").isTrue();
            long first = heard.heardBefore.get();
            assertThat(within(3_000, () -> heard.confirmations.get() >= 4)).as("confirmed again and again").isTrue();
            assertThat(heard.heardBefore.get()).isGreaterThan(first);

            int listenings = heard.changed.get();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                // Waits (up to 5 s) until the listening sessions have ended.
                s.execute("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
                        + " WHERE query = 'SELECT 1' AND pid <> pg_backend_pid()");
            }
            // From here on the cut sessions have ended: a confirmation asked later comes from a new connection.
            long cut = System.nanoTime();
            assertThat(within(7_000, () -> heard.heardBefore.get() - cut > 0)).as("confirming again").isTrue();
            long[] firstAfter = heard.confirmed.stream().filter(c -> c[0] - cut > 0).findFirst().orElseThrow();
            assertThat(firstAfter[1]).as("changes told before the first confirmation after the cut: listening again"
                    + " forgot everything first, since notices meanwhile were lost").isGreaterThan(listenings);
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
