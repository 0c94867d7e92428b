package dev.atrium.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "atrium.gateway")
public interface GatewayConfig {

    /** Root URLs of the services the gateway calls, without a path. */
    String workspaceUrl();

    String guardrailUrl();

    String routingUrl();

    String billingUrl();

    /** The gateway's own service account (client credentials at Keycloak). */
    ServiceAccount serviceAccount();

    /** Per attempt at an upstream provider. */
    @WithDefault("60s")
    Duration upstreamTimeout();

    /**
     * Per streamed attempt: a provider that has sent no content (text, a tool call or an end) this long after
     * the request is given up, and the next candidate is tried.
     */
    @WithDefault("30s")
    Duration firstTokenTimeout();

    /** No request lasts longer, every attempt and the whole stream included: it ends with a 504. */
    @WithDefault("300s")
    Duration requestDeadline();

    /** Per call to another Atrium service. */
    @WithDefault("5s")
    Duration internalTimeout();

    /**
     * How many calls to guardrail's check may be out at once for one organization. Its checks that
     * arrive while that many are out wait for one to come back and then go together in one batch call
     * (at most 64), each still decided on its own (docs/adr/0007-check-batches.md). A check that finds
     * none out never waits.
     */
    @WithDefault("1")
    int checkCalls();

    /** Where usage Kafka did not take waits, durably, until it is sent. */
    java.nio.file.Path spoolDir();

    /** The longest wait between two tries to send the spool while Kafka refuses records (the wait doubles up to it). */
    @WithDefault("1s")
    Duration spoolDrainInterval();

    /**
     * The least time between two of the spool's group commits. Zero: a commit starts as soon as the previous
     * one ended, and every record queued meanwhile shares it; an answer waits for its commit (ADR 0024), so a
     * longer interval would be added to answers the writer finds just done.
     */
    @WithDefault("0ms")
    Duration spoolCommitInterval();

    /**
     * The longest an answer's last bytes wait for its usage record to be durable (the spool's fsync; ADR 0024).
     * A disk slower or failing past it lets the answer go (the provider was paid) and counts
     * {@code atrium_gateway_usage_undurable_total}; the record is still kept and tried again.
     */
    @WithDefault("1s")
    Duration usageDurableTimeout();

    /**
     * How long a resolved key is reused without asking workspace-service. Workspace events drop an
     * entry as soon as its key or workspace changes; this bounds staleness when they cannot arrive.
     * 0 turns the cache off.
     */
    @WithDefault("30s")
    Duration keyCacheTtl();

    /** Larger chat request bodies are answered 413. */
    @WithDefault("4194304")
    int maxBodyBytes();

    /** The platform's credentials per provider id. */
    Map<String, String> providerKeys();

    /** Used for providers without an entry in {@link #providerKeys()}: the local simulator accepts any key. */
    Optional<String> defaultProviderKey();

    /** What the gateway's Prometheus metrics break down by. */
    Metrics metrics();

    interface Metrics {

        /**
         * Tags {@code atrium_gateway_generations} by workspace too. Off by default: one series set per
         * workspace grows with the tenants, and the scrape would list every tenant's workspaces.
         */
        @WithDefault("false")
        boolean perWorkspace();

        /**
         * Tags {@code atrium_gateway_cost_usd_total} by organization id (ADR 0020): spend per tenant is what an
         * operator alerts on. One series per organization and model; off for a gateway with very many tenants.
         */
        @WithDefault("true")
        boolean perOrganization();
    }

    interface ServiceAccount {

        String tokenUrl();

        String clientId();

        String clientSecret();
    }

    /** The warm-up before readiness (adapter/in/rest/warmup/WarmUpAtStart, docs/operations.md "Warm start"). */
    WarmUp warmUp();

    interface WarmUp {

        @WithDefault("true")
        boolean enabled();

        /** Rounds of self-calls, rehearsals (ADR 0032) and route plans. */
        @WithDefault("20")
        int rounds();

        /**
         * The models the warm-up asks routing to plan (its chat self-calls name the first): every provider of their
         * candidates gets a pooled connection before readiness.
         */
        @WithDefault("openai/gpt-4o-mini")
        List<String> models();

        /** After this the gateway reports ready, warm or not. */
        @WithDefault("30s")
        Duration timeout();
    }
}
