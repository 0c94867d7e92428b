package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.guardrail.application.port.in.ForgetKeptLevelsUseCase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The other half of {@link PostgresLevelChanges}: one pooled connection per instance listens on its channel,
 * and every notification (another instance's commit, or this one's) ends what {@code LevelPolicies} kept, so a
 * key's new limit applies on every instance as soon as the instance that learned it commits. Every
 * {@link #CONFIRM_EVERY_MILLIS} the connection answers a query: PostgreSQL sends a listening session the
 * notifications of the transactions committed before a query's answer ahead of that answer, so once it came,
 * every change committed before the query was sent has been heard, and {@code LevelPolicies} may keep values
 * longer (docs/adr/0033-levels-kept-while-changes-are-heard.md). Without the connection (database down, or a
 * connection that stopped answering) no confirmation comes and a second is the bound again; once listening
 * again, everything kept is forgotten, since notifications meanwhile were lost.
 */
@ApplicationScoped
class LevelChangesListener {

    private static final Logger LOG = Logger.getLogger(LevelChangesListener.class);
    private static final int WAIT_MILLIS = 1_000;
    /** A connection that does not answer a read within this is given up and another one listens. */
    private static final int NETWORK_TIMEOUT_MILLIS = 5_000;
    /** How often the connection is asked to prove it still hears: well within the second a confirmation lasts. */
    private static final int CONFIRM_EVERY_MILLIS = 250;

    private final AgroalDataSource dataSource;
    private final ForgetKeptLevelsUseCase forget;
    private volatile boolean running = true;
    private Thread thread;

    LevelChangesListener(AgroalDataSource dataSource, ForgetKeptLevelsUseCase forget) {
        this.dataSource = dataSource;
        this.forget = forget;
    }

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::listen, "level-changes");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                c.setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_MILLIS);
                s.execute("LISTEN " + PostgresLevelChanges.CHANNEL);
                forget.changedElsewhere();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    long asked = System.nanoTime();
                    s.execute("SELECT 1");
                    forgetIfHeard(pg.getNotifications());
                    forget.heardAllBefore(asked);
                    forgetIfHeard(pg.getNotifications(CONFIRM_EVERY_MILLIS));
                }
                // Stopped: the connection goes back to the pool listening to nothing, as any other.
                s.execute("UNLISTEN *");
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Not listening for other instances' key and policy changes (kept for a second meanwhile),"
                        + " trying again in a second: %s", e.getMessage());
                try {
                    Thread.sleep(WAIT_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void forgetIfHeard(PGNotification[] heard) {
        if (heard != null && heard.length > 0) {
            forget.changedElsewhere();
        }
    }
}
