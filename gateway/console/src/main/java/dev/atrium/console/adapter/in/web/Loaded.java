package dev.atrium.console.adapter.in.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.atrium.console.adapter.out.client.ServiceApi;
import dev.atrium.console.adapter.out.client.ServiceCallException;
import io.quarkus.qute.TemplateData;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One panel's data, or why it could not be shown (the service's refusal, as it said it): a page whose
 * caller may not see one panel still shows the others.
 */
@TemplateData
public record Loaded(JsonNode json, String error) {

    /** The answer of a read started earlier ({@link ServiceApi#fetch}). */
    static Loaded of(CompletableFuture<JsonNode> call) {
        return of(() -> ServiceApi.await(call));
    }

    static Loaded of(Supplier<JsonNode> call) {
        try {
            return new Loaded(call.get(), null);
        } catch (ServiceCallException e) {
            return new Loaded(MissingNode.getInstance(), e.getMessage());
        }
    }

    public boolean ok() {
        return error == null;
    }

    public Object data() {
        return Views.plain(json);
    }
}
