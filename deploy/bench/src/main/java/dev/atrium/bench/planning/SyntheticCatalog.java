package dev.atrium.bench.planning;

import dev.atrium.routing.api.DataPolicy;
import dev.atrium.routing.api.Price;
import dev.atrium.routing.domain.Capabilities;
import dev.atrium.routing.domain.Catalog;
import dev.atrium.routing.domain.Endpoint;
import dev.atrium.routing.domain.EndpointStats;
import dev.atrium.routing.domain.LiveStats;
import dev.atrium.routing.domain.Model;
import dev.atrium.routing.domain.Protocol;
import dev.atrium.routing.domain.Provider;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue route planning is measured on: 100 models, each served by 5 of 10 providers
 * (500 endpoints), with prices spread over three orders of magnitude, five quantizations, the three
 * data policies, and live statistics for 3 of every model's 5 endpoints. Every tenth model has one
 * endpoint whose circuit is open (3 failures, the latest 5 s before {@code now}), every tenth from
 * the fifth on one whose circuit is half-open (the latest failure a minute before {@code now}).
 * Deterministic: the same arguments give the same catalogue.
 */
public final class SyntheticCatalog {

    public static final int MODELS = 100;
    public static final int PROVIDERS_PER_MODEL = 5;

    private static final DataPolicy ZDR = new DataPolicy(true, false, false);
    private static final DataPolicy RETAINS = new DataPolicy(false, true, false);
    private static final DataPolicy TRAINS = new DataPolicy(false, true, true);

    /** id, display name, protocol, data policy, region; the price multiplier is {@link #MULTIPLIERS}. */
    static final List<Provider> PROVIDERS = List.of(
            provider("openai", "OpenAI", Protocol.OPENAI, RETAINS, "us"),
            provider("azure", "Azure OpenAI", Protocol.OPENAI, RETAINS, "eu"),
            provider("anthropic", "Anthropic", Protocol.ANTHROPIC, RETAINS, "us"),
            provider("bedrock", "Amazon Bedrock", Protocol.ANTHROPIC, ZDR, "us"),
            provider("vertex", "Google Vertex", Protocol.OPENAI, RETAINS, "eu"),
            provider("together", "Together", Protocol.OPENAI, TRAINS, "us"),
            provider("fireworks", "Fireworks", Protocol.OPENAI, TRAINS, "us"),
            provider("groq", "Groq", Protocol.OPENAI, ZDR, "us"),
            provider("deepinfra", "DeepInfra", Protocol.OPENAI, TRAINS, "us"),
            provider("sim-fast", "Simulator: fast", Protocol.OPENAI, ZDR, "local"));

    private static final List<String> MULTIPLIERS = List.of("1.00", "1.10", "0.90", "1.25", "0.80", "1.05", "1.50",
            "0.95", "1.20", "0.70");
    /** USD per million prompt tokens by model tier (model index mod 10). */
    private static final List<String> TIERS = List.of("0.05", "0.10", "0.15", "0.25", "0.50", "1.00", "2.50", "3.00",
            "5.00", "15.00");
    private static final List<String> AUTHORS = List.of("openai", "anthropic", "google", "meta-llama", "mistralai",
            "qwen", "deepseek", "cohere", "microsoft", "nvidia");
    private static final List<String> QUANTIZATIONS = List.of("fp16", "bf16", "fp8", "int8", "int4");

    private SyntheticCatalog() {
    }

    /** Model {@code i}'s id, e.g. {@code meta-llama/model-13}. */
    public static String model(int i) {
        return AUTHORS.get(i % AUTHORS.size()) + "/model-" + i;
    }

    /** The id of the {@code k}-th (0..4) provider serving model {@code i}. */
    public static String provider(int i, int k) {
        return PROVIDERS.get(providerIndex(i, k)).id();
    }

    public static Catalog catalog() {
        List<Model> models = new ArrayList<>();
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < MODELS; i++) {
            String id = model(i);
            Capabilities capabilities = new Capabilities(i % 2 == 0, i % 3 != 0, i % 4 == 0, true);
            models.add(new Model(id, "Model " + i, 8_192 << (i % 5), capabilities));
            BigDecimal prompt = new BigDecimal(TIERS.get(i % TIERS.size()));
            BigDecimal completionFactor = BigDecimal.valueOf(2 + i % 4);
            for (int k = 0; k < PROVIDERS_PER_MODEL; k++) {
                int p = providerIndex(i, k);
                BigDecimal promptPrice = prompt.multiply(new BigDecimal(MULTIPLIERS.get(p)));
                Price price = Price.perMillion(promptPrice, promptPrice.multiply(completionFactor));
                endpoints.add(new Endpoint(id, PROVIDERS.get(p).id(), "model-" + i + "-" + k, price,
                        QUANTIZATIONS.get((i + k) % QUANTIZATIONS.size()), k == 4 ? 4_096 << (i % 3) : null,
                        k % 2 == 0 ? null : 4_096));
            }
        }
        return Catalog.of(PROVIDERS, models, endpoints);
    }

    /** Statistics for endpoints k = 0, 2 and 3 of every model, as the routing service derives them from attempts. */
    public static LiveStats stats(Instant now) {
        List<EndpointStats> stats = new ArrayList<>();
        for (int i = 0; i < MODELS; i++) {
            for (int k : new int[] {0, 2, 3}) {
                double latency = 80 + (i * 37 + k * 53) % 400;
                double throughput = 20 + (i * 13 + k * 71) % 180;
                long failures = 0;
                Instant lastFailure = null;
                if (k == 3 && i % 10 == 0) {
                    failures = EndpointStats.OUTAGE_FAILURES;
                    lastFailure = now.minus(Duration.ofSeconds(5));
                } else if (k == 3 && i % 10 == 5) {
                    failures = EndpointStats.OUTAGE_FAILURES;
                    lastFailure = now.minus(Duration.ofMinutes(1));
                } else if (k == 2 && i % 7 == 0) {
                    failures = 1;
                    lastFailure = now.minus(Duration.ofMinutes(2));
                }
                long requests = 200 + (i * 31 + k) % 800;
                stats.add(new EndpointStats(provider(i, k), model(i), requests, requests - failures, latency,
                        latency * 1.8, throughput, failures, lastFailure));
            }
        }
        return LiveStats.of(stats);
    }

    private static int providerIndex(int i, int k) {
        return (i + k) % PROVIDERS.size();
    }

    private static Provider provider(String id, String name, Protocol protocol, DataPolicy policy, String region) {
        return new Provider(id, name, "https://" + id + ".example", protocol, policy, region);
    }
}
