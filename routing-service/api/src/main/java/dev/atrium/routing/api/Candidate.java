package dev.atrium.routing.api;

/**
 * One endpoint (model x provider) the gateway may call, with its price quote.
 *
 * @param baseUrl  the provider's API root, e.g. {@code https://api.openai.com} or the simulator's {@code /p/openai}
 * @param protocol {@code openai} or {@code anthropic}
 * @param byok     call it with the workspace's own key for the provider (fetched from workspace-service),
 *                 not the platform's
 * @param dataRegion where the provider processes the request, one of {@link DataRegions#ALL}; null (a plan from
 *                 before regions) reads as {@code global}
 */
public record Candidate(
        String model,
        String provider,
        String upstreamModel,
        String baseUrl,
        String protocol,
        Price price,
        DataPolicy dataPolicy,
        String quantization,
        int contextLength,
        Integer maxCompletionTokens,
        boolean byok,
        String dataRegion) {

    public Candidate {
        dataRegion = DataRegions.orGlobal(dataRegion);
    }

    public Candidate(String model, String provider, String upstreamModel, String baseUrl, String protocol, Price price,
            DataPolicy dataPolicy, String quantization, int contextLength, Integer maxCompletionTokens) {
        this(model, provider, upstreamModel, baseUrl, protocol, price, dataPolicy, quantization, contextLength,
                maxCompletionTokens, false);
    }

    public Candidate(String model, String provider, String upstreamModel, String baseUrl, String protocol, Price price,
            DataPolicy dataPolicy, String quantization, int contextLength, Integer maxCompletionTokens, boolean byok) {
        this(model, provider, upstreamModel, baseUrl, protocol, price, dataPolicy, quantization, contextLength,
                maxCompletionTokens, byok, DataRegions.GLOBAL);
    }
}
