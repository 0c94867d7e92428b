package dev.atrium.common.error;

import java.sql.SQLException;
import java.util.Map;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The body of any failure, its status the body's code: for the JAX-RS mappers ({@link ErrorMappers}) and for
 * handlers outside JAX-RS (Vert.x routes, stream chunks).
 */
public final class Errors {

    private static final Logger LOG = Logger.getLogger(Errors.class);

    private Errors() {
    }

    static final String DATA_REFUSED = "A value in the request is too long, out of range or holds a character that cannot be stored";

    /**
     * True when PostgreSQL refused a value (SQLSTATE class 22, data exception: a NUL, an overlong
     * string, a numeric overflow). The input rules ({@link InputRules}) should have refused it first;
     * this keeps a rule that was missed a 400, and the transaction it failed wrote nothing.
     */
    public static boolean refusedByDatabase(Throwable failure) {
        return causedBy(failure, sql -> sql.getSQLState() != null && sql.getSQLState().startsWith("22"));
    }

    private static boolean causedBy(Throwable failure, Predicate<SQLException> cause) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && cause.test(sql)) {
                return true;
            }
        }
        return false;
    }

    /** The error metadata's field saying when to try again, in seconds; sent as {@code Retry-After} too. */
    public static final String RETRY_AFTER_SECONDS = "retry_after_seconds";

    /** The {@code Retry-After} header's value for a body, from its {@link #RETRY_AFTER_SECONDS}; null for none. */
    public static String retryAfter(ErrorBody body) {
        Object seconds = body.error().metadata().get(RETRY_AFTER_SECONDS);
        return seconds == null ? null : seconds.toString();
    }

    static final String DATABASE_UNAVAILABLE = "The service's database is unavailable; try again shortly";
    /**
     * What a 503 for the database (away, or no pooled connection free) tells a client to wait: a restarted server
     * is back within seconds, and a burst has passed.
     */
    static final int RETRY_DATABASE_AFTER_SECONDS = 1;

    /**
     * True when the database could not be reached or ended the session: SQLSTATE class 08 (connection
     * exception: refused, broken, or closed under the statement) or 57P01-57P03 (the server shutting down,
     * crashed, or not accepting connections yet). An outage, not a fault of the service or of the request:
     * answered 503 with a Retry-After, which a client's SDK retries
     * (docs/adr/0034-pooled-connections-validated-after-a-second-idle.md).
     */
    static boolean databaseUnavailable(Throwable failure) {
        return causedBy(failure, sql -> sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]")));
    }

    static final String BUSY = "The service is too busy to answer now; try again shortly";
    /** Agroal's message when no pooled connection came free within the acquisition timeout; it sets no SQLSTATE. */
    private static final String POOL_TIMEOUT = "Sorry, acquisition timeout!";

    /**
     * True when no pooled database connection came free within the pool's acquisition timeout: the service
     * is overloaded, not broken, and the request wrote nothing (it never reached the database). Answered 503
     * with a Retry-After, like an outage, which a client's SDK retries.
     */
    static boolean poolExhausted(Throwable failure) {
        return causedBy(failure, sql -> sql.getSQLState() == null && POOL_TIMEOUT.equals(sql.getMessage()));
    }

    static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    public static ErrorBody body(Throwable failure) {
        if (failure instanceof ApiException api) {
            return ErrorBody.of(api.status(), api.getMessage(), api.metadata());
        }
        if (failure instanceof InvalidFieldException invalid) {
            return ErrorBody.of(400, invalid.getMessage(), Map.of("field", invalid.field()));
        }
        if (failure instanceof IllegalArgumentException) {
            return ErrorBody.of(400, failure.getMessage(), Map.of());
        }
        if (refusedByDatabase(failure)) {
            LOG.warnf("The database refused a value the input rules let through: %s", rootMessage(failure));
            return ErrorBody.of(400, DATA_REFUSED, Map.of());
        }
        if (databaseUnavailable(failure)) {
            LOG.warnf("The database is unavailable: %s", rootMessage(failure));
            return ErrorBody.of(503, DATABASE_UNAVAILABLE, Map.of(RETRY_AFTER_SECONDS, RETRY_DATABASE_AFTER_SECONDS));
        }
        if (poolExhausted(failure)) {
            LOG.warnf("No database connection came free in time: %s", rootMessage(failure));
            return ErrorBody.of(503, BUSY, Map.of(RETRY_AFTER_SECONDS, RETRY_DATABASE_AFTER_SECONDS));
        }
        LOG.error("Unhandled failure", failure);
        return ErrorBody.of(500, "Internal error", Map.of());
    }
}
