package dev.atrium.guardrail.adapter.out.persistence;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the statements this thread sends to PostgreSQL, from the driver's own protocol trace
 * (each extended-protocol Execute and each simple query, COMMIT included).
 */
final class StatementLog {

    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

    private StatementLog() {
    }

    record Counted<T>(T value, int statements) {
    }

    static <T> Counted<T> count(Supplier<T> work) {
        Thread me = Thread.currentThread();
        AtomicInteger statements = new AtomicInteger();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                String m = r.getMessage();
                if (Thread.currentThread() == me && m != null
                        && (m.startsWith(" FE=> Execute") || m.startsWith(" FE=> SimpleQuery"))) {
                    statements.incrementAndGet();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level before = DRIVER.getLevel();
        boolean parents = DRIVER.getUseParentHandlers();
        DRIVER.setUseParentHandlers(false);
        DRIVER.setLevel(Level.FINEST);
        DRIVER.addHandler(handler);
        try {
            T value = work.get();
            return new Counted<>(value, statements.get());
        } finally {
            DRIVER.removeHandler(handler);
            DRIVER.setLevel(before);
            DRIVER.setUseParentHandlers(parents);
        }
    }
}
