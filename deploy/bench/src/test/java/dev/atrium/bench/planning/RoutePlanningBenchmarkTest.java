package dev.atrium.bench.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.bench.Machine;
import dev.atrium.routing.api.Candidate;
import dev.atrium.routing.api.RoutePlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The route planning benchmark in smoke mode, so it cannot rot: each scenario planned once in plain
 * Java (its plan is what the scenario claims to measure), and JMH itself run in this JVM for one
 * 100 ms iteration per benchmark. Numbers are not asserted.
 */
class RoutePlanningBenchmarkTest {

    private final RoutePlanningBenchmark bench = new RoutePlanningBenchmark();

    @BeforeEach
    void setUp() {
        bench.setUp();
    }

    @Test
    void theCatalogueHas500EndpointsOver100Models() {
        assertThat(bench.catalog.endpoints()).hasSize(500);
        assertThat(bench.catalog.models()).hasSize(SyntheticCatalog.MODELS);
        assertThat(bench.catalog.endpoints()).extracting(e -> e.quantization()).containsOnly("fp16", "bf16", "fp8",
                "int8", "int4");
    }

    @Test
    void loadBalancingOffersEveryEndpointButTheWorkspacesIgnoredOne() {
        RoutePlan plan = bench.loadBalancedOneModel();

        assertThat(plan.candidates()).hasSize(4).extracting(Candidate::model).containsOnly(SyntheticCatalog.model(7));
        assertThat(plan.excluded()).singleElement()
                .satisfies(x -> assertThat(x.provider() + ":" + x.reason()).isEqualTo("deepinfra:ignore"));
    }

    @Test
    void sortByLatencyPutsTheMeasuredEndpointsFirstFastestFirst() {
        RoutePlan plan = bench.sortByLatency();

        List<String> providers = plan.candidates().stream().map(Candidate::provider).toList();
        assertThat(providers).hasSize(5);
        List<Double> latencies = providers.subList(0, 3).stream()
                .map(p -> bench.stats.of(p, SyntheticCatalog.model(12)).orElseThrow().latencyP50()).toList();
        assertThat(latencies).isSorted();
        assertThat(providers.subList(3, 5)).allSatisfy(p ->
                assertThat(bench.stats.of(p, SyntheticCatalog.model(12))).isEmpty());
    }

    @Test
    void fallbackModelsKeepOnlyTheNamedProvidersUnderTheMaxPrice() {
        RoutePlan plan = bench.fallbackModelsOnlyMaxPrice();

        assertThat(plan.candidates()).isNotEmpty().allSatisfy(c -> {
            assertThat(RoutePlanningBenchmark.ONLY).contains(c.provider());
            assertThat(c.price().prompt()).isLessThanOrEqualTo(RoutePlanningBenchmark.MAX_PROMPT_PRICE);
        });
        assertThat(plan.candidates()).extracting(Candidate::model).first().isEqualTo(SyntheticCatalog.model(20));
        assertThat(plan.candidates()).extracting(Candidate::model).contains(SyntheticCatalog.model(23));
        assertThat(plan.excluded()).extracting(RoutePlan.Exclusion::reason)
                .contains("only", "max_price.prompt", "circuit_open");
    }

    @Test
    void byokPutsThePrioritizedKeyFirstAndTheFallbackKeyLast() {
        List<Candidate> candidates = bench.byokOrdering().candidates();

        // 5 platform endpoints, anthropic's with the prioritized key before them, vertex's with the fallback key after
        assertThat(candidates).hasSize(7);
        assertThat(candidates.get(0).byok()).isTrue();
        assertThat(candidates.get(0).provider()).isEqualTo("anthropic");
        assertThat(candidates.subList(1, 6)).noneMatch(Candidate::byok);
        assertThat(candidates.get(6).byok()).isTrue();
        assertThat(candidates.get(6).provider()).isEqualTo("vertex");
    }

    @Test
    void theAnnotationProcessorListedTheBenchmarksAndJmhRunsThem() throws IOException {
        String list;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(in).as("META-INF/BenchmarkList written by the JMH annotation processor").isNotNull();
            list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(list).contains("loadBalancedOneModel", "sortByLatency", "fallbackModelsOnlyMaxPrice",
                "byokOrdering");

        Collection<RunResult> results;
        try {
            results = new Runner(new OptionsBuilder().include(RoutePlanningBenchmark.class.getName()).forks(0)
                    .warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100))
                    .addProfiler(CpuTimeProfiler.class).shouldFailOnError(true).build()).run();
        } catch (org.openjdk.jmh.runner.RunnerException e) {
            throw new AssertionError(e);
        }

        assertThat(results).hasSize(4).allSatisfy(r -> {
            assertThat(r.getPrimaryResult().getScoreUnit()).isEqualTo("us/op");
            assertThat(r.getPrimaryResult().getScore()).isPositive();
            assertThat(r.getSecondaryResults().get("cpu.time.norm").getScore()).isPositive();
        });
        String table = RoutePlanningBench.table(results, Machine.describe(), Machine.loadNow(), "");
        System.out.println(table);
        assertThat(table).contains("| byokOrdering | ", "| fallbackModelsOnlyMaxPrice | ", "| loadBalancedOneModel | ",
                "| sortByLatency | ");
    }
}
