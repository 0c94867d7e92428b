package dev.atrium.common.error;

import java.util.Map;
import org.jboss.logging.Logger;

/** The status and body of any failure, for handlers outside JAX-RS (Vert.x routes, stream chunks). */
public final class Errors {

    private static final Logger LOG = Logger.getLogger(Errors.class);

    private Errors() {
    }

    public static int status(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api.status();
        }
        return failure instanceof IllegalArgumentException || refusedByDatabase(failure) ? 400 : 500;
    }

    static final String DATA_REFUSED = "A value in the request is too long, out of range or holds a character that cannot be stored";

    /**
     * True when PostgreSQL refused a value (SQLSTATE class 22, data exception: a NUL, an overlong
     * string, a numeric overflow). The input rules ({@link InputRules}) should have refused it first;
     * this keeps a rule that was missed a 400, and the transaction it failed wrote nothing.
     */
    public static boolean refusedByDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
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
            return ErrorBody.of(400, DATA_REFUSED, Map.of());
        }
        LOG.error("Unhandled failure", failure);
        return ErrorBody.of(500, "Internal error", Map.of());
    }
}
