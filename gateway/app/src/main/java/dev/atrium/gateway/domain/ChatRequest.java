package dev.atrium.gateway.domain;

import dev.atrium.routing.api.ProviderPreferences;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What the gateway itself needs from an OpenAI chat request; the rest of the body passes through.
 *
 * @param model            {@code model}, possibly null when {@code models} is given
 * @param fallbackModels   {@code models[]}, tried after {@code model}
 * @param promptCharacters the length of every message's text, for the admission estimate
 * @param plugins          the request's {@code plugins[]}: id -> enabled
 * @param choices          {@code n}: how many choices the provider writes, each up to {@code maxTokens}
 * @param provider         the request's {@code provider} preferences for routing; its sort null when it sets none
 */
public record ChatRequest(String model, List<String> fallbackModels, boolean stream, Integer maxTokens,
        long promptCharacters, Map<String, Boolean> plugins, int choices, ProviderPreferences provider) {

    public ChatRequest {
        plugins = plugins == null ? Map.of() : Map.copyOf(plugins);
        provider = provider == null ? ProviderPreferences.none() : provider;
        if (choices < 1) {
            throw new IllegalArgumentException("choices must be at least 1");
        }
    }

    public ChatRequest(String model, List<String> fallbackModels, boolean stream, Integer maxTokens,
            long promptCharacters, Map<String, Boolean> plugins) {
        this(model, fallbackModels, stream, maxTokens, promptCharacters, plugins, 1, null);
    }

    public ChatRequest(String model, List<String> fallbackModels, boolean stream, Integer maxTokens,
            long promptCharacters) {
        this(model, fallbackModels, stream, maxTokens, promptCharacters, Map.of());
    }

    /** {@code model} then {@code models[]}, without repeats, in order. */
    public List<String> requestedModels() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        if (model != null) {
            all.add(model);
        }
        all.addAll(fallbackModels);
        return new ArrayList<>(all);
    }

    public ChatRequest withDefaultModel(String defaultModel) {
        if (model != null || !fallbackModels.isEmpty() || defaultModel == null) {
            return this;
        }
        return new ChatRequest(defaultModel, fallbackModels, stream, maxTokens, promptCharacters, plugins, choices,
                provider);
    }
}
