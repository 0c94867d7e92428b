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
        return failure instanceof IllegalArgumentException ? 400 : 500;
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
        LOG.error("Unhandled failure", failure);
        return ErrorBody.of(500, "Internal error", Map.of());
    }
}
