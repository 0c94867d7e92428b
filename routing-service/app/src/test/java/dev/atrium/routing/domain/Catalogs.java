package dev.atrium.routing.domain;

import dev.atrium.routing.api.DataPolicy;
import dev.atrium.routing.api.Price;
import java.math.BigDecimal;
import java.util.List;

/** A small catalogue for the domain and use case tests. */
public final class Catalogs {

    public static final String MINI = "openai/gpt-4o-mini";
    public static final String LLAMA = "meta-llama/llama-3.1-8b-instruct";

    private static final DataPolicy RETAINS = new DataPolicy(false, true, false);
    private static final DataPolicy TRAINS = new DataPolicy(false, true, true);
    private static final DataPolicy ZDR = new DataPolicy(true, false, false);

    private Catalogs() {
    }

    public static Catalog sample() {
        var capabilities = new Capabilities(true, true, false, true);
        return Catalog.of(
                List.of(provider("openai", "OpenAI", Protocol.OPENAI, RETAINS),
                        provider("azure", "Azure OpenAI", Protocol.OPENAI, RETAINS),
                        provider("sim-cheap", "Simulator: cheap", Protocol.OPENAI, TRAINS),
                        provider("sim-fast", "Simulator: fast", Protocol.OPENAI, ZDR),
                        provider("groq", "Groq", Protocol.OPENAI, ZDR)),
                List.of(new Model(MINI, "GPT-4o-mini", 128_000, capabilities),
                        new Model(LLAMA, "Llama 3.1 8B", 131_072, capabilities)),
                List.of(endpoint(MINI, "openai", "0.15", "0.60", 16_384),
                        endpoint(MINI, "azure", "0.16", "0.64", 16_384),
                        endpoint(MINI, "sim-cheap", "0.075", "0.30", 4_096),
                        endpoint(MINI, "sim-fast", "0.30", "1.20", null),
                        endpoint(LLAMA, "groq", "0.05", "0.08", 8_192),
                        endpoint(LLAMA, "sim-fast", "0.10", "0.10", 8_192)));
    }

    public static Provider provider(String id, String name, Protocol protocol, DataPolicy policy) {
        return new Provider(id, name, "https://" + id + ".example", protocol, policy, "us",
                "sim-fast".equals(id) ? "europe" : "us");
    }

    public static Endpoint endpoint(String model, String provider, String prompt, String completion,
            Integer maxCompletionTokens) {
        return new Endpoint(model, provider, model.substring(model.indexOf('/') + 1),
                Price.perMillion(new BigDecimal(prompt), new BigDecimal(completion)), "fp8",
                "sim-cheap".equals(provider) ? 32_000 : null, maxCompletionTokens);
    }

    public static EndpointStats stats(String provider, String model, Double latencyP50, Double throughputP50,
            long consecutiveFailures) {
        return new EndpointStats(provider, model, 10, 10 - consecutiveFailures, latencyP50, latencyP50,
                throughputP50, consecutiveFailures);
    }
}
