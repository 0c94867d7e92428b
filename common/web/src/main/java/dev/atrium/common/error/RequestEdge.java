package dev.atrium.common.error;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What every service refuses before a resource sees the request, each answered in the error shape:
 * a URI longer than {@value #MAX_URI} characters (414), headers larger than {@value #MAX_HEADERS}
 * bytes (431), a declared body over {@code quarkus.http.limits.max-body-size} (413), and a control
 * character (a NUL first of all) in the path or the query (400): decoded into a path id it would
 * reach PostgreSQL, which refuses it with a 500.
 *
 * <p>Vert.x answers requests its HTTP decoder cannot take with a bare status, before any route;
 * its own limits are therefore set well above ours ({@link #DECODER_LIMIT}), so that the requests
 * between the two get this answer with a body. Beyond the decoder's limit the bare status remains.
 */
@ApplicationScoped
public class RequestEdge implements HttpServerOptionsCustomizer {

    public static final int MAX_URI = 8192;
    public static final int MAX_HEADERS = 16384;
    /** The HTTP decoder's own limit on the request line and on the headers. */
    static final int DECODER_LIMIT = 1024 * 1024;

    private final long maxBody = bodyLimit(ConfigProvider.getConfig()
            .getOptionalValue("quarkus.http.limits.max-body-size", String.class));

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setMaxInitialLineLength(Math.max(options.getMaxInitialLineLength(), DECODER_LIMIT))
                .setMaxHeaderSize(Math.max(options.getMaxHeaderSize(), DECODER_LIMIT));
    }

    void register(@Observes Router router) {
        // After a service's own first route (the gateway's request id), before every other.
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String refusal = null;
        int status = 400;
        String field = null;
        String uri = request.uri();
        if (uri != null && uri.length() > MAX_URI) {
            status = 414;
            refusal = "Request URI longer than " + MAX_URI + " characters";
        } else if (headerBytes(request.headers()) > MAX_HEADERS) {
            status = 431;
            refusal = "Request headers larger than " + MAX_HEADERS + " bytes";
        } else if (hasEncodedControl(request.path())) {
            field = "path";
            refusal = "The path must not contain control characters (such as %00)";
        } else if (hasEncodedControl(request.query())) {
            field = "query";
            refusal = "The query must not contain control characters (such as %00)";
        } else {
            String length = request.getHeader("Content-Length");
            if (length != null) {
                long declared = declaredLength(length);
                if (declared < 0) {
                    field = "Content-Length";
                    refusal = "Content-Length must be a number of bytes";
                } else if (declared > maxBody) {
                    status = 413;
                    refusal = "Request body larger than " + maxBody + " bytes";
                }
            }
        }
        if (refusal == null) {
            ctx.next();
            return;
        }
        refuse(request, status, refusal, field);
    }

    private static void refuse(HttpServerRequest request, int status, String message, String field) {
        JsonObject error = new JsonObject().put("code", status).put("message", message)
                .put("metadata", field == null ? new JsonObject() : new JsonObject(Map.of("field", field)));
        HttpServerResponse response = request.response();
        boolean unreadBody = status == 413;
        response.setStatusCode(status).putHeader("Content-Type", "application/json");
        if (unreadBody) {
            // The body is not read: the connection cannot carry another request after this answer.
            response.putHeader("Connection", "close");
        }
        response.end(new JsonObject().put("error", error).encode()).onComplete(done -> {
            if (unreadBody) {
                request.connection().close();
            }
        });
    }

    static long headerBytes(MultiMap headers) {
        long total = 0;
        for (Map.Entry<String, String> header : headers) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }

    /** A raw or percent-encoded C0 control character or DEL ({@code %00}-{@code %1F}, {@code %7F}). */
    static boolean hasEncodedControl(String raw) {
        if (raw == null) {
            return false;
        }
        if (InputRules.hasControl(raw, false)) {
            return true;
        }
        for (int i = raw.indexOf('%'); i >= 0 && i + 2 < raw.length(); i = raw.indexOf('%', i + 1)) {
            int high = Character.digit(raw.charAt(i + 1), 16);
            int low = Character.digit(raw.charAt(i + 2), 16);
            if (high >= 0 && low >= 0) {
                int b = high * 16 + low;
                if (b < 0x20 || b == 0x7f) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long declaredLength(String value) {
        try {
            long n = Long.parseLong(value.strip());
            return n < 0 ? -1 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code quarkus.http.limits.max-body-size} as Quarkus writes it ({@code 256K}, {@code 4M}); 10240K unset. */
    static long bodyLimit(Optional<String> configured) {
        String v = configured.orElse("10240K").strip().toUpperCase();
        long unit = 1;
        if (v.endsWith("B")) {
            v = v.substring(0, v.length() - 1);
        }
        char last = v.isEmpty() ? '0' : v.charAt(v.length() - 1);
        switch (last) {
            case 'K' -> unit = 1024L;
            case 'M' -> unit = 1024L * 1024;
            case 'G' -> unit = 1024L * 1024 * 1024;
            default -> {
            }
        }
        if (unit > 1) {
            v = v.substring(0, v.length() - 1);
        }
        return Long.parseLong(v.strip()) * unit;
    }
}
