package dev.atrium.bench.planning;

import dev.atrium.routing.api.RoutePlan;
import dev.atrium.routing.domain.ByokKey;
import dev.atrium.routing.domain.Catalog;
import dev.atrium.routing.domain.CircuitPolicy;
import dev.atrium.routing.domain.Circuits;
import dev.atrium.routing.domain.LiveStats;
import dev.atrium.routing.domain.ModelRequest;
import dev.atrium.routing.domain.PreferenceLayer;
import dev.atrium.routing.domain.ProbeTickets;
import dev.atrium.routing.domain.RankedEndpoint;
import dev.atrium.routing.domain.RoutePlanner;
import dev.atrium.routing.domain.RoutingPreferences;
import dev.atrium.routing.domain.SortOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One route plan as routing-service makes it for {@code POST /internal/v1/routes/plan}
 * ({@code RoutePlanService.plan}) without the HTTP and the snapshot lookup: the request's provider
 * preferences over the workspace's defaults, the circuits derived from the live statistics (probe
 * tickets included), {@link RoutePlanner#rank} over the {@link SyntheticCatalog} of 500 endpoints with
 * {@code ThreadLocalRandom}, and the kept / excluded split into a {@link RoutePlan}.
 *
 * <p>The workspace's defaults in every scenario ignore {@code deepinfra}. Fork JVMs run with the local
 * stack's heap and collector ({@code -Xmx256m -XX:+UseSerialGC}). Six warm-up seconds per fork: on a
 * busy 2-core machine the JIT compiler waits for a core too, and three were not enough to reach the
 * compiled steady state. Two forks of 6 + 4 s per benchmark keep the whole run under two minutes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgs = {"-Xms32m", "-Xmx256m", "-XX:+UseSerialGC"})
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 4, time = 1)
public class RoutePlanningBenchmark {

    /** The request's parameters ({@code require_parameters} checks them when asked). */
    static final List<String> PARAMETERS = List.of("temperature", "max_tokens");
    /** {@code max_price.prompt} of the fallback scenario: USD 0.20 per million prompt tokens, per token. */
    static final BigDecimal MAX_PROMPT_PRICE = new BigDecimal("0.20").movePointLeft(6);
    static final List<String> ONLY = List.of("anthropic", "bedrock", "vertex");

    Catalog catalog;
    LiveStats stats;
    Instant now;
    CircuitPolicy circuitPolicy;
    ProbeTickets probes;
    PreferenceLayer workspaceDefaults;

    List<ModelRequest> oneModel;
    PreferenceLayer noPreferences;
    List<ModelRequest> latencyModel;
    PreferenceLayer byLatency;
    List<ModelRequest> withFallbacks;
    PreferenceLayer onlyUnderMaxPrice;
    List<ModelRequest> byokModel;
    List<ByokKey> byokKeys;

    @Setup
    public void setUp() {
        now = Instant.parse("2026-11-26T12:00:00Z");
        catalog = SyntheticCatalog.catalog();
        stats = SyntheticCatalog.stats(now);
        circuitPolicy = CircuitPolicy.defaults();
        probes = new ProbeTickets(circuitPolicy.coolDown());
        workspaceDefaults = new PreferenceLayer(null, null, List.of("deepinfra"), true, null, null, null, null, null,
                null, null);

        oneModel = List.of(ModelRequest.parse(SyntheticCatalog.model(7), "model"));
        noPreferences = PreferenceLayer.EMPTY;

        latencyModel = List.of(ModelRequest.parse(SyntheticCatalog.model(12), "model"));
        byLatency = new PreferenceLayer(null, null, null, null, SortOrder.LATENCY, null, null, null, null, null,
                null);

        withFallbacks = List.of(20, 21, 22, 23).stream()
                .map(i -> ModelRequest.parse(SyntheticCatalog.model(i), "models")).toList();
        onlyUnderMaxPrice = new PreferenceLayer(null, ONLY, null, null, null, null, null, null, MAX_PROMPT_PRICE,
                null, null);

        byokModel = List.of(ModelRequest.parse(SyntheticCatalog.model(31), "model"));
        byokKeys = List.of(new ByokKey("anthropic", false, List.of("anthropic/*")),
                new ByokKey("openai", false, List.of()),
                new ByokKey("vertex", true, List.of()));
    }

    /** No sort, no order: price-weighted load balancing (1/price²) over one model's endpoints. */
    @Benchmark
    public RoutePlan loadBalancedOneModel() {
        return plan(oneModel, noPreferences, List.of());
    }

    /** {@code provider.sort: latency}: measured endpoints by p50 latency, the unmeasured after them by price. */
    @Benchmark
    public RoutePlan sortByLatency() {
        return plan(latencyModel, byLatency, List.of());
    }

    /** {@code models[]}: a model and 3 fallbacks (20 endpoints) with {@code only} and {@code max_price.prompt}. */
    @Benchmark
    public RoutePlan fallbackModelsOnlyMaxPrice() {
        return plan(withFallbacks, onlyUnderMaxPrice, List.of());
    }

    /** The workspace's own keys: a prioritized one first, a fallback one after the platform's endpoints. */
    @Benchmark
    public RoutePlan byokOrdering() {
        return plan(byokModel, noPreferences, byokKeys);
    }

    private RoutePlan plan(List<ModelRequest> models, PreferenceLayer requested, List<ByokKey> byok) {
        RoutingPreferences preferences = requested.over(workspaceDefaults).resolve();
        Circuits circuits = Circuits.forPlan(circuitPolicy, stats, probes, now);
        List<RankedEndpoint> ranking = RoutePlanner.rank(catalog, stats, circuits, models, preferences, PARAMETERS,
                byok, ThreadLocalRandom.current());
        return new RoutePlan(ranking.stream().filter(RankedEndpoint::kept).map(RankedEndpoint::candidate).toList(),
                ranking.stream().filter(r -> !r.kept()).map(r -> new RoutePlan.Exclusion(r.candidate().model(),
                        r.candidate().provider(), r.reason())).toList());
    }
}
