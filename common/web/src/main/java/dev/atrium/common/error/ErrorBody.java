package dev.atrium.common.error;

import java.util.Map;

/** {@code {"error":{"code":N,"message":"...","metadata":{...}}}}, on every service. */
public record ErrorBody(Detail error) {

    public record Detail(int code, String message, Map<String, Object> metadata) {
    }

    public static ErrorBody of(int code, String message, Map<String, Object> metadata) {
        return new ErrorBody(new Detail(code, message, metadata == null ? Map.of() : metadata));
    }
}
