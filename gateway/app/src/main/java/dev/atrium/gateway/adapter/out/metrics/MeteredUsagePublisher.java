package dev.atrium.gateway.adapter.out.metrics;

import dev.atrium.gateway.api.ProviderAttempt;
import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.gateway.application.port.out.UsagePublisher;
import dev.atrium.gateway.config.GatewayConfig;
import dev.atrium.routing.api.Price;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Prometheus metrics from the records the request path publishes anyway, so the core needs no
 * metrics port: every generation (its usage record) is timed per provider, model and status (and
 * workspace, only where {@code atrium.gateway.metrics.per-workspace} asks for it: that label grows with
 * the tenants), every upstream call (its attempt record) per provider, model and outcome.
 * <p>
 * Tokens and time to first token follow the OpenTelemetry GenAI semantic conventions
 * ({@code gen_ai.client.token.usage} by {@code gen_ai.token.type}, {@code gen_ai.server.time_to_first_token}),
 * with their attribute names, so dashboards written for those conventions read them. The cost is counted
 * from the same usage record the answer's {@code usage.cost} and the bill come from, per organization (its
 * opaque id, ADR 0020) and model.
 */
@Decorator
@Priority(10)
class MeteredUsagePublisher implements UsagePublisher {

    static final String GENERATIONS = "atrium.gateway.generations";
    static final String UPSTREAM = "atrium.gateway.upstream.latency";
    static final String OVERRUN = "atrium.gateway.charge.overrun.usd";
    static final String TOKENS = "gen_ai.client.token.usage";
    static final String COST = "atrium.gateway.cost.usd";
    static final String FIRST_TOKEN = "gen_ai.server.time_to_first_token";
    static final String PROVIDER = "gen_ai.provider.name";
    static final String MODEL = "gen_ai.request.model";
    private static final Logger LOG = Logger.getLogger(MeteredUsagePublisher.class);
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};
    /** The bucket boundaries the GenAI conventions advise for token counts and for time to first token. */
    private static final double[] TOKEN_BUCKETS = {1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576,
        4194304};
    private static final Duration[] FIRST_TOKEN_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(20),
        Duration.ofMillis(40), Duration.ofMillis(80), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofMillis(7500), Duration.ofSeconds(10)};

    private final UsagePublisher delegate;
    private final MeterRegistry registry;
    private final boolean perWorkspace;
    private final boolean perOrganization;

    @Inject
    MeteredUsagePublisher(@Delegate @Any UsagePublisher delegate, MeterRegistry registry, GatewayConfig config) {
        this(delegate, registry, config.metrics().perWorkspace(), config.metrics().perOrganization());
    }

    MeteredUsagePublisher(UsagePublisher delegate, MeterRegistry registry, boolean perWorkspace) {
        this(delegate, registry, perWorkspace, true);
    }

    MeteredUsagePublisher(UsagePublisher delegate, MeterRegistry registry, boolean perWorkspace,
            boolean perOrganization) {
        this.delegate = delegate;
        this.registry = registry;
        this.perWorkspace = perWorkspace;
        this.perOrganization = perOrganization;
    }

    @Override
    public boolean previousLifeSent() {
        return delegate.previousLifeSent();
    }

    @Override
    public void warmUp(UsageRecorded sample) {
        delegate.warmUp(sample);
    }

    @Override
    public CompletionStage<Void> usageRecorded(UsageRecorded usage) {
        // The answer waits for this, not for the metrics below.
        CompletionStage<Void> durable = delegate.usageRecorded(usage);
        Timer.Builder generations = Timer.builder(GENERATIONS)
                .description("Generations served (one per usage record) and their latency, client request to last token");
        if (perWorkspace) {
            generations.tag("workspace", tag(usage.workspaceId()));
        }
        generations.tag("provider", tag(usage.provider()))
                .tag("model", tag(usage.model()))
                .tag("status", status(usage.finishReason()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(Duration.ofMillis(Math.max(0, usage.latencyMs())));
        tokens(usage, "input", usage.promptTokens());
        tokens(usage, "output", usage.completionTokens());
        cost(usage);
        overrun(usage);
        return durable;
    }

    private void tokens(UsageRecorded usage, String type, long count) {
        DistributionSummary.Builder tokens = DistributionSummary.builder(TOKENS)
                .description("Tokens per generation, as its usage record counts them (input: prompt, output: completion)");
        if (perWorkspace) {
            tokens.tag("workspace", tag(usage.workspaceId()));
        }
        tokens.tag("gen_ai.operation.name", "chat")
                .tag(PROVIDER, tag(usage.provider()))
                .tag(MODEL, tag(usage.model()))
                .tag("gen_ai.token.type", type)
                .serviceLevelObjectives(TOKEN_BUCKETS)
                .register(registry)
                .record(Math.max(0, count));
    }

    /** What generations were charged, in USD, exactly the {@code usage.cost} their answers carry. */
    private void cost(UsageRecorded usage) {
        if (usage.cost() == null) {
            return;
        }
        Counter.Builder cost = Counter.builder(COST)
                .description("What generations were charged (their usage records' cost), in USD");
        if (perOrganization) {
            cost.tag("organization", tag(usage.organizationId()));
        }
        if (perWorkspace) {
            cost.tag("workspace", tag(usage.workspaceId()));
        }
        cost.tag("model", tag(usage.model()))
                .register(registry)
                .increment(usage.cost().doubleValue());
    }

    /**
     * A generation is charged at most its reservation (gateway's {@code Charge}): what its tokens would have cost
     * beyond that is the operator's, counted per provider and logged, since a provider wrote past what it was asked.
     */
    private void overrun(UsageRecorded usage) {
        if (usage.promptPrice() == null || usage.completionPrice() == null || usage.cost() == null) {
            return;
        }
        BigDecimal priced = new Price(usage.promptPrice(), usage.completionPrice())
                .cost(usage.promptTokens(), usage.completionTokens());
        BigDecimal overrun = priced.subtract(usage.cost());
        if (overrun.signum() > 0) {
            Counter.builder(OVERRUN)
                    .description("What generations' tokens cost beyond their reservation, not charged to anyone's limits")
                    .tag("provider", tag(usage.provider()))
                    .register(registry)
                    .increment(overrun.doubleValue());
            LOG.warnf("Generation %s of organization %s by provider %s wrote past its reservation: charged %s,"
                    + " its %d completion tokens would cost %s", usage.generationId(), usage.organizationId(),
                    usage.provider(), usage.cost().toPlainString(), usage.completionTokens(), priced.toPlainString());
        }
    }

    @Override
    public void providerAttempted(ProviderAttempt attempt) {
        delegate.providerAttempted(attempt);
        Timer.builder(UPSTREAM)
                .description("Calls to upstream providers and how long each took")
                .tag("provider", tag(attempt.provider()))
                .tag("model", tag(attempt.model()))
                .tag("outcome", tag(attempt.outcome()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(Duration.ofMillis(Math.max(0, attempt.latencyMs())));
        if (attempt.timeToFirstTokenMs() != null) {
            // Streams only: from the client's request to the first piece of output relayed to it.
            Timer.builder(FIRST_TOKEN)
                    .description("Time from a streamed request's arrival to its first token relayed to the client")
                    .tag(PROVIDER, tag(attempt.provider()))
                    .tag(MODEL, tag(attempt.model()))
                    .serviceLevelObjectives(FIRST_TOKEN_BUCKETS)
                    .register(registry)
                    .record(Duration.ofMillis(Math.max(0, attempt.timeToFirstTokenMs())));
        }
    }

    private static String tag(String value) {
        return value == null ? "unknown" : value;
    }

    /** {@code ok}, or how a generation ended short: {@code error} mid-stream, {@code cancelled} by the client. */
    static String status(String finishReason) {
        return "error".equals(finishReason) || "cancelled".equals(finishReason) ? finishReason : "ok";
    }
}
