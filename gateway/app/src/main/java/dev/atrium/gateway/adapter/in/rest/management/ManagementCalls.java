package dev.atrium.gateway.adapter.in.rest.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What every OpenRouter management route shares: the caller's organization (OpenRouter's routes name none),
 * a service's error passed on as it was (code, message, metadata), and OpenRouter's offset pagination
 * over a service's cursor pages.
 */
@ApplicationScoped
class ManagementCalls {

    /** The largest page the services serve. */
    static final int SERVICE_PAGE = 100;

    private final WorkspaceServiceApi workspaces;
    private final ObjectMapper json;

    ManagementCalls(@RestClient WorkspaceServiceApi workspaces, ObjectMapper json) {
        this.workspaces = workspaces;
        this.json = json;
    }

    /**
     * The organization the caller acts in: a management key's own, or a token holder's only one. A token of
     * someone in several organizations names one in {@code X-Atrium-Organization}.
     */
    Uni<String> organization(String auth, String requested) {
        return relay(workspaces.organizations(auth)).map(page -> {
            List<String> ids = new ArrayList<>();
            page.path("data").forEach(o -> ids.add(o.path("id").asText()));
            if (requested != null && !requested.isBlank()) {
                if (!ids.contains(requested)) {
                    throw ApiException.notFound("Organization " + requested + " not found");
                }
                return requested;
            }
            if (ids.isEmpty()) {
                throw ApiException.forbidden("The caller holds no role in any organization");
            }
            if (ids.size() > 1) {
                throw new ApiException(400, "The caller holds roles in several organizations: name one in the"
                        + " X-Atrium-Organization header", Map.of("field", "X-Atrium-Organization", "organizations", ids));
            }
            return ids.get(0);
        });
    }

    /** Every workspace of the organization (not archived), oldest first. */
    Uni<List<JsonNode>> workspacesOf(String auth, String org) {
        return all(cursor -> workspaces.workspaces(auth, org, SERVICE_PAGE, cursor));
    }

    /** The workspace named, or every workspace of the organization (ids, oldest first). */
    Uni<List<String>> workspaceIds(String auth, String org, String named) {
        if (named != null && !named.isBlank()) {
            return Uni.createFrom().item(List.of(named));
        }
        return organization(auth, org).flatMap(o -> workspacesOf(auth, o))
                .map(all -> all.stream().map(w -> w.path("id").asText()).toList());
    }

    /** The first workspace's answer that is not a 404, in order; 404 ({@code missing}) when none has it. */
    static Uni<JsonNode> firstFound(List<String> workspaceIds, Function<String, Uni<JsonNode>> call, String missing) {
        return firstFound(workspaceIds, 0, call, missing);
    }

    private static Uni<JsonNode> firstFound(List<String> ids, int i, Function<String, Uni<JsonNode>> call,
            String missing) {
        if (i >= ids.size()) {
            return Uni.createFrom().failure(ApiException.notFound(missing));
        }
        return call.apply(ids.get(i)).onFailure(e -> e instanceof ApiException a && a.status() == 404)
                .recoverWithUni(() -> firstFound(ids, i + 1, call, missing));
    }

    /** The workspace named, or the organization's only one (else 400 naming {@code workspace_id}). */
    Uni<String> workspaceOrOnly(String auth, String org, String named) {
        if (named != null && !named.isBlank()) {
            return Uni.createFrom().item(named);
        }
        return organization(auth, org).flatMap(o -> workspacesOf(auth, o)).map(all -> {
            if (all.size() != 1) {
                throw ApiException.badRequest("workspace_id",
                        "workspace_id is required: the organization has " + all.size() + " workspaces");
            }
            return all.get(0).path("id").asText();
        });
    }

    /** Every row of a cursor-paged listing ({@code {"data":[...],"next_cursor":...}}). */
    Uni<List<JsonNode>> all(Function<String, Uni<JsonNode>> page) {
        return collect(page, null, new ArrayList<>());
    }

    private Uni<List<JsonNode>> collect(Function<String, Uni<JsonNode>> page, String cursor, List<JsonNode> rows) {
        return relay(page.apply(cursor)).flatMap(answer -> {
            answer.path("data").forEach(rows::add);
            String next = answer.path("next_cursor").isTextual() ? answer.path("next_cursor").asText() : null;
            return next == null ? Uni.createFrom().item(rows) : collect(page, next, rows);
        });
    }

    /** A service's refusal, passed on in the error shape with the service's own code, message and metadata. */
    <T> Uni<T> relay(Uni<T> call) {
        return call.onFailure(WebApplicationException.class).transform(this::passedOn)
                .onFailure(ProcessingException.class)
                .transform(e -> new ApiException(502, "A service behind the gateway did not answer"));
    }

    private Throwable passedOn(Throwable failure) {
        var response = ((WebApplicationException) failure).getResponse();
        int status = response.getStatus();
        try {
            JsonNode error = json.readTree(response.readEntity(String.class)).path("error");
            if (error.isObject()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> metadata = error.path("metadata").isObject()
                        ? json.convertValue(error.path("metadata"), Map.class) : Map.of();
                return new ApiException(status, error.path("message").asText("Refused"), metadata);
            }
        } catch (RuntimeException | java.io.IOException e) {
            // no body in the error shape: the status alone is passed on
        }
        return new ApiException(status, "Refused by the service that owns the data (" + status + ")");
    }

    /** OpenRouter's offset and limit over a whole listing; {@code limit} defaults to {@code defaultLimit}. */
    static <T> List<T> slice(List<T> all, Integer offset, Integer limit, int defaultLimit) {
        int from = offset == null ? 0 : offset;
        int size = limit == null ? defaultLimit : limit;
        if (from < 0) {
            throw ApiException.badRequest("offset", "offset must be 0 or more");
        }
        if (size < 1 || size > SERVICE_PAGE) {
            throw ApiException.badRequest("limit", "limit must be between 1 and " + SERVICE_PAGE);
        }
        return from >= all.size() ? List.of() : all.subList(from, Math.min(all.size(), from + size));
    }
}
