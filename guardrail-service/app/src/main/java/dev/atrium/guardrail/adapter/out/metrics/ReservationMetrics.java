package dev.atrium.guardrail.adapter.out.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Gauges of the reservations waiting for a usage record, a release or expiry:
 * {@code atrium.guardrail.reservations.open} (count) and {@code atrium.guardrail.reservations.age.max}
 * (seconds the oldest has waited). Read by one aggregate query every few seconds, off the request path;
 * a count that only grows means usage records stopped arriving.
 */
@Startup
@ApplicationScoped
class ReservationMetrics {

    private static final Logger LOG = Logger.getLogger(ReservationMetrics.class);

    private final DataSource dataSource;
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    ReservationMetrics(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("atrium.guardrail.reservations.open", open, AtomicLong::get)
                .description("Reservations not yet settled, released or expired").register(registry);
        Gauge.builder("atrium.guardrail.reservations.age.max", oldestAgeSeconds, AtomicLong::get)
                .description("How long the oldest open reservation has waited").baseUnit("seconds").register(registry);
    }

    @Scheduled(every = "${atrium.guardrail.metrics-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*),"
                        + " coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM reservation")) {
            rs.next();
            open.set(rs.getLong(1));
            oldestAgeSeconds.set(Math.max(0, rs.getLong(2)));
        } catch (SQLException e) {
            LOG.debugf("Could not count open reservations: %s", e.getMessage());
        }
    }
}
