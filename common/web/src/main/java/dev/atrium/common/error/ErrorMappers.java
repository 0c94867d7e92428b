package dev.atrium.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure, ours and Quarkus's, to the one error shape. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(Errors.body(e));
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return respond(400, e.getMessage(), Map.of("field", e.field()));
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e) {
        return respond(400, e.getMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
        return field == null
                ? respond(400, "Malformed request body", Map.of())
                : respond(400, "Invalid value for " + field, Map.of("field", field));
    }

    /** A management body with a field the API does not declare: refused, never silently dropped. */
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = path(e);
        return respond(400, "Unknown field " + field, Map.of("field", field));
    }

    /** The field's path in the body, e.g. {@code plugins.mode}; array positions are left out. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return respond(400, "Malformed JSON in request body", Map.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(401, "Missing or invalid credentials", Map.of());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return respond(401, "Missing or invalid credentials", Map.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "The caller lacks the role this action needs", Map.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        String message = switch (status) {
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported media type; send application/json";
            default -> e.getMessage();
        };
        return respond(status, message, Map.of());
    }

    /** A value the database refused (400), the database away (503), anything else (500): as {@link Errors#body}. */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        return respond(Errors.body(e));
    }

    static Response respond(int status, String message, Map<String, Object> metadata) {
        return respond(ErrorBody.of(status, message, metadata));
    }

    /** The body under its own code, with {@code Retry-After} when its metadata says when to try again. */
    static Response respond(ErrorBody body) {
        Response.ResponseBuilder builder = Response.status(body.error().code());
        String retryAfter = Errors.retryAfter(body);
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter);
        }
        return builder.type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
