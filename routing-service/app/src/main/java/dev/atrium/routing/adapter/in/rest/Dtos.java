package dev.atrium.routing.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.atrium.routing.api.DataPolicy;
import dev.atrium.routing.api.Price;
import dev.atrium.routing.application.port.in.BrowseCatalogQuery.EndpointListing;
import dev.atrium.routing.application.port.in.BrowseCatalogQuery.ModelEndpoints;
import dev.atrium.routing.application.port.in.BrowseCatalogQuery.ModelListing;
import dev.atrium.routing.domain.EndpointStats;
import dev.atrium.routing.domain.Provider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The JSON the catalogue and statistics routes write (snake_case by the shared settings). */
final class Dtos {

    private Dtos() {
    }

    record Page<T>(List<T> data) {
    }

    record Single<T>(T data) {
    }

    /** USD per token as strings, as OpenRouter writes them: {@code "0.00000015"}. */
    record Pricing(String prompt, String completion) {
        static Pricing of(Price price) {
            return new Pricing(plain(price.prompt()), plain(price.completion()));
        }

        static String plain(BigDecimal value) {
            return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
        }
    }

    record Architecture(List<String> inputModalities, List<String> outputModalities) {
    }

    record ModelView(String id, String name, int contextLength, Pricing pricing, List<String> supportedParameters,
            Architecture architecture) {
        static ModelView of(ModelListing listing) {
            var m = listing.model();
            return new ModelView(m.id(), m.name(), m.contextLength(),
                    listing.cheapest().map(e -> Pricing.of(e.price())).orElse(null),
                    listing.supportedParameters(),
                    new Architecture(m.capabilities().inputModalities(), List.of("text")));
        }
    }

    record ModelEndpointsView(String id, String name, int contextLength, List<String> supportedParameters,
            Architecture architecture, List<EndpointView> endpoints) {
        static ModelEndpointsView of(ModelEndpoints m) {
            var model = m.model();
            return new ModelEndpointsView(model.id(), model.name(), model.contextLength(),
                    model.capabilities().supportedParameters(m.endpoints().stream()
                            .map(e -> e.provider().protocol()).toList()),
                    new Architecture(model.capabilities().inputModalities(), List.of("text")),
                    m.endpoints().stream().map(e -> EndpointView.of(m, e)).toList());
        }
    }

    /**
     * A provider as the public sees it: {@code region} is where it is, null when unknown; {@code data_region} the
     * OpenRouter data region ({@code global}, {@code europe}, {@code us}) that guardrails' allowed_data_regions match.
     */
    record ProviderView(String id, String name, DataPolicy dataPolicy, String region, String dataRegion) {
        static ProviderView of(Provider p) {
            return new ProviderView(p.id(), p.name(), p.dataPolicy(), p.region(), p.dataRegion());
        }
    }

    record Latency(Double p50, Double p90) {
    }

    record Throughput(Double p50) {
    }

    /**
     * One endpoint, OpenRouter's shape: {@code provider_name} is the display name, {@code tag} the id
     * that {@code provider.order}, {@code only} and {@code ignore} take (they accept either).
     * {@code uptime_last_30m} is a percentage (two decimals); latencies are milliseconds; throughput tokens per second.
     */
    record EndpointView(String name, String providerName, String tag, int contextLength, Pricing pricing,
            String quantization, Integer maxCompletionTokens, List<String> supportedParameters, int status,
            @JsonProperty("uptime_last_30m") Double uptimeLast30m,
            @JsonProperty("latency_last_30m") Latency latencyLast30m,
            @JsonProperty("throughput_last_30m") Throughput throughputLast30m) {

        static EndpointView of(ModelEndpoints model, EndpointListing listing) {
            var e = listing.endpoint();
            var p = listing.provider();
            var stats = listing.stats();
            return new EndpointView(p.name() + " | " + model.model().id(), p.name(), p.id(),
                    e.contextLength(model.model()), Pricing.of(e.price()), e.quantization(), e.maxCompletionTokens(),
                    model.model().capabilities().supportedParameters(p.protocol()), stats.map(EndpointStats::status).orElse(0),
                    stats.map(s -> Math.round(s.uptime() * 10_000) / 100.0).orElse(null),
                    stats.filter(s -> s.latencyP50() != null).map(s -> new Latency(s.latencyP50(), s.latencyP90()))
                            .orElse(null),
                    stats.filter(s -> s.throughputP50() != null).map(s -> new Throughput(s.throughputP50()))
                            .orElse(null));
        }
    }

    record StatsPage(Instant since, List<EndpointStatsView> data) {
    }

    /** An endpoint's last 30 minutes: uptime 0..1, latency (ms to first token) and throughput (tokens/s). */
    record EndpointStatsView(String provider, String model, long requests, long successes, double uptime,
            Latency latency, Throughput throughput, long consecutiveFailures, int status) {
        static EndpointStatsView of(EndpointStats s) {
            return new EndpointStatsView(s.provider(), s.model(), s.requests(), s.successes(), s.uptime(),
                    new Latency(s.latencyP50(), s.latencyP90()), new Throughput(s.throughputP50()),
                    s.consecutiveFailures(), s.status());
        }
    }
}
