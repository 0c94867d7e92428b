package dev.atrium.gateway.adapter.out.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.gateway.api.ProviderAttempt;
import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.gateway.application.port.out.UsagePublisher;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MeteredUsagePublisherTest {

    private final List<Object> published = new ArrayList<>();
    /** What the publisher answers: durable when completed. */
    private final CompletableFuture<Void> durable = new CompletableFuture<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final UsagePublisher recording = new UsagePublisher() {
        @Override
        public CompletionStage<Void> usageRecorded(UsageRecorded usage) {
            published.add(usage);
            return durable;
        }

        @Override
        public void providerAttempted(ProviderAttempt attempt) {
            published.add(attempt);
        }
    };
    private final MeteredUsagePublisher metered = new MeteredUsagePublisher(recording, registry, false);

    @Test
    void timesEachGenerationPerProviderModelAndStatusWithoutNamingWorkspaces() {
        metered.usageRecorded(usage("ws_a", 120, "stop"));
        metered.usageRecorded(usage("ws_b", 80, "length"));
        metered.usageRecorded(usage("ws_b", 300, "cancelled"));

        Timer ok = registry.get(MeteredUsagePublisher.GENERATIONS).tags("provider", "openai",
                "model", "openai/gpt-4o-mini", "status", "ok").timer();
        assertThat(ok.count()).as("both workspaces' generations in one series").isEqualTo(2);
        assertThat(ok.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(200);
        assertThat(registry.find(MeteredUsagePublisher.GENERATIONS).meters())
                .as("no series names a workspace").hasSize(2)
                .allSatisfy(m -> assertThat(m.getId().getTag("workspace")).isNull());
        assertThat(published).hasSize(3);
    }

    @Test
    void timesEachGenerationPerWorkspaceWhereConfigured() {
        MeteredUsagePublisher metered = new MeteredUsagePublisher(recording, registry, true);
        metered.usageRecorded(usage("ws_a", 120, "stop"));
        metered.usageRecorded(usage("ws_a", 80, "length"));
        metered.usageRecorded(usage("ws_b", 300, "cancelled"));

        Timer a = registry.get(MeteredUsagePublisher.GENERATIONS).tags("workspace", "ws_a", "provider", "openai",
                "model", "openai/gpt-4o-mini", "status", "ok").timer();
        assertThat(a.count()).isEqualTo(2);
        assertThat(a.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(200);
        Timer b = registry.get(MeteredUsagePublisher.GENERATIONS).tags("workspace", "ws_b", "status", "cancelled")
                .timer();
        assertThat(b.count()).isEqualTo(1);
        assertThat(published).hasSize(3);
    }

    @Test
    void timesEachUpstreamCallPerProviderModelAndOutcome() {
        metered.providerAttempted(new ProviderAttempt("gen-1", "sim-flaky", "openai/gpt-4o-mini", "timeout", 0, 2000,
                null, 0, Instant.now()));
        metered.providerAttempted(new ProviderAttempt("gen-1", "openai", "openai/gpt-4o-mini", "success", 200, 150,
                null, 20, Instant.now()));

        assertThat(registry.get(MeteredUsagePublisher.UPSTREAM).tags("provider", "sim-flaky", "outcome", "timeout")
                .timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2000);
        assertThat(registry.get(MeteredUsagePublisher.UPSTREAM).tags("provider", "openai", "outcome", "success")
                .timer().count()).isEqualTo(1);
        assertThat(published).hasSize(2);
    }

    @Test
    void countsWhatAGenerationsTokensCostBeyondItsCappedCharge() {
        metered.usageRecorded(usage("ws_a", 100, "stop"));
        assertThat(registry.find(MeteredUsagePublisher.OVERRUN).counter()).as("priced exactly: no overrun").isNull();

        // 10 x 0.00000015 + 20 x 0.0000006 = 0.0000135, charged 0.00001 (its reservation).
        metered.usageRecorded(new UsageRecorded("gen-x", "org_1", "ws_a", "key_1", "user", "openai/gpt-4o-mini",
                "sim-flaky", "gpt-4o-mini", 10, 20, new BigDecimal("0.00000015"), new BigDecimal("0.0000006"),
                new BigDecimal("0.00001"), false, "res_1", "org:0,ws:0", 10, true, "length", Instant.now()));

        assertThat(registry.get(MeteredUsagePublisher.OVERRUN).tags("provider", "sim-flaky").counter().count())
                .isEqualTo(0.0000035, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void countsTokensByTypeAndCostByOrganizationAndModelFromTheUsageRecord() {
        metered.usageRecorded(usage("ws_a", 120, "stop"));
        metered.usageRecorded(usage("ws_b", 80, "stop"));

        var input = registry.get(MeteredUsagePublisher.TOKENS).tags("gen_ai.token.type", "input",
                "gen_ai.provider.name", "openai", "gen_ai.request.model", "openai/gpt-4o-mini").summary();
        assertThat(input.count()).isEqualTo(2);
        assertThat(input.totalAmount()).isEqualTo(20);
        assertThat(registry.get(MeteredUsagePublisher.TOKENS).tags("gen_ai.token.type", "output").summary()
                .totalAmount()).isEqualTo(40);
        assertThat(registry.get(MeteredUsagePublisher.COST).tags("organization", "org_1",
                "model", "openai/gpt-4o-mini").counter().count())
                .isEqualTo(0.000027, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(registry.find(MeteredUsagePublisher.TOKENS).meters()).as("no series names a workspace")
                .allSatisfy(m -> assertThat(m.getId().getTag("workspace")).isNull());
    }

    @Test
    void theAnswerWaitsForThePublishersDurabilityNotForLess() {
        CompletionStage<Void> stage = metered.usageRecorded(usage("ws_a", 120, "stop"));

        assertThat(stage.toCompletableFuture()).as("not durable while the publisher has not said so").isNotDone();
        durable.complete(null);
        assertThat(stage.toCompletableFuture()).isCompleted();
    }

    @Test
    void costNamesNoOrganizationWhereThatIsTurnedOff() {
        new MeteredUsagePublisher(recording, registry, false, false).usageRecorded(usage("ws_a", 120, "stop"));

        assertThat(registry.get(MeteredUsagePublisher.COST).counter().getId().getTag("organization")).isNull();
    }

    @Test
    void timesTheFirstTokenOfStreamsOnly() {
        metered.providerAttempted(new ProviderAttempt("gen-1", "openai", "openai/gpt-4o-mini", "success", 200, 900,
                120L, 20, Instant.now()));
        metered.providerAttempted(new ProviderAttempt("gen-2", "openai", "openai/gpt-4o-mini", "success", 200, 400,
                null, 20, Instant.now()));

        Timer firstToken = registry.get(MeteredUsagePublisher.FIRST_TOKEN).tags("gen_ai.provider.name", "openai",
                "gen_ai.request.model", "openai/gpt-4o-mini").timer();
        assertThat(firstToken.count()).as("the call without a first token (not streamed) is not timed").isEqualTo(1);
        assertThat(firstToken.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(120);
    }

    private static UsageRecorded usage(String workspace, long latencyMs, String finishReason) {
        return new UsageRecorded("gen-" + latencyMs, "org_1", workspace, "key_1", "user", "openai/gpt-4o-mini",
                "openai", "gpt-4o-mini", 10, 20, new BigDecimal("0.00000015"), new BigDecimal("0.0000006"),
                new BigDecimal("0.0000135"), false, null, "org:0,ws:0", latencyMs, false, finishReason, Instant.now());
    }
}
