package dev.atrium.common.error;

import java.util.Map;

/** A failure with an HTTP status, answered in the documented error shape. */
public class ApiException extends RuntimeException {

    private final int status;
    private final Map<String, Object> metadata;

    public ApiException(int status, String message, Map<String, Object> metadata) {
        super(message);
        this.status = status;
        this.metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    public int status() {
        return status;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, message, Map.of("field", field));
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }
}
