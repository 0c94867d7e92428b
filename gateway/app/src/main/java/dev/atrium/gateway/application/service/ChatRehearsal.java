package dev.atrium.gateway.application.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.api.ProviderAttempt;
import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase.CompleteChatCommand;
import dev.atrium.gateway.application.port.in.RehearseChatUseCase;
import dev.atrium.gateway.application.port.in.StreamChatUseCase.ChatStream;
import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.gateway.application.port.out.KeyResolver;
import dev.atrium.gateway.application.port.out.RoutePlanner;
import dev.atrium.gateway.application.port.out.UpstreamProvider;
import dev.atrium.gateway.application.port.out.UsagePublisher;
import dev.atrium.gateway.application.port.out.WorkspaceSettingsReader;
import dev.atrium.gateway.config.GatewayConfig;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.ModerationRequest;
import dev.atrium.guardrail.api.ModerationResult;
import dev.atrium.routing.api.Candidate;
import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.RoutePlan;
import dev.atrium.workspace.api.KeyContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link RehearseChatUseCase}: a {@link ChatCompletionService} of its own for the rehearsals, so the code that serves a
 * client runs unchanged, wired to the real plan, dry-run check, provider client and usage writer through
 * {@link Rehearsed}, which keeps every effect out (ADR 0032). The CDI service and its kept keys and plans are
 * never touched.
 */
@ApplicationScoped
public class ChatRehearsal implements RehearseChatUseCase {

    /** Where the in-process provider listens; any other base URL is refused. */
    private static final String IN_PROCESS = "http://127.0.0.1:";
    private static final CheckResult ALLOWED = new CheckResult(true, 200, null, null, null, "rehearsal");

    private final GuardrailChecker guardrail;
    private final RoutePlanner routing;
    private final WorkspaceSettingsReader settings;
    private final UpstreamProvider upstream;
    private final UsagePublisher usage;
    private final Clock clock;
    private final Duration firstTokenTimeout;
    private final Duration requestDeadline;
    private volatile Rehearsing rehearsing;

    @Inject
    public ChatRehearsal(GuardrailChecker guardrail, RoutePlanner routing, WorkspaceSettingsReader settings,
            UpstreamProvider upstream, UsagePublisher usage, Clock clock, GatewayConfig config) {
        this(guardrail, routing, settings, upstream, usage, clock, config.firstTokenTimeout(),
                config.requestDeadline());
    }

    ChatRehearsal(GuardrailChecker guardrail, RoutePlanner routing, WorkspaceSettingsReader settings,
            UpstreamProvider upstream, UsagePublisher usage, Clock clock, Duration firstTokenTimeout,
            Duration requestDeadline) {
        this.guardrail = guardrail;
        this.routing = routing;
        this.settings = settings;
        this.upstream = upstream;
        this.usage = usage;
        this.clock = clock;
        this.firstTokenTimeout = firstTokenTimeout;
        this.requestDeadline = requestDeadline;
    }

    @Override
    public Uni<ObjectNode> complete(CompleteChatCommand command, String providerBaseUrl) {
        return service(providerBaseUrl).complete(command);
    }

    @Override
    public Uni<ChatStream> open(CompleteChatCommand command, String providerBaseUrl) {
        return service(providerBaseUrl).open(command);
    }

    /**
     * One service per in-process endpoint, kept for the rounds of a warm-up: from the second rehearsal on, routing's
     * plan is reused as a client's would be ({@link KeptPlans}).
     */
    private ChatCompletionService service(String providerBaseUrl) {
        if (!providerBaseUrl.startsWith(IN_PROCESS)) {
            // Nothing is charged for a rehearsal: its call may never reach a provider, nor its credential leave.
            throw new IllegalArgumentException("A rehearsal's provider answers on loopback, not " + providerBaseUrl);
        }
        Rehearsing current = rehearsing;
        if (current == null || !current.providerBaseUrl().equals(providerBaseUrl)) {
            Rehearsed rehearsed = new Rehearsed(providerBaseUrl);
            current = new Rehearsing(providerBaseUrl, new ChatCompletionService(
                    new Admission(rehearsed, rehearsed, rehearsed, settings), rehearsed, settings, upstream, rehearsed,
                    generation -> { }, clock, firstTokenTimeout, requestDeadline));
            rehearsing = current;
        }
        return current.service();
    }

    private record Rehearsing(String providerBaseUrl, ChatCompletionService service) {
    }

    /**
     * The out-ports of one rehearsal, each around the real one with its effect taken out: a made-up key of a
     * made-up organization and workspace; the check asked as a dry run and then allowed without a reservation;
     * routing's plan with every candidate sent to the in-process endpoint in OpenAI's protocol; the usage record
     * serialized as the spool writes it, then written nowhere, and no provider attempt reported.
     */
    private final class Rehearsed implements KeyResolver, GuardrailChecker, RoutePlanner, UsagePublisher {

        private final String providerBaseUrl;
        private final KeyContext key;

        Rehearsed(String providerBaseUrl) {
            this.providerBaseUrl = providerBaseUrl;
            String made = UUID.randomUUID().toString();
            this.key = new KeyContext("key-rehearsal-" + made, "rehearsal", null, null, null, false, made, "rehearsal",
                    made, null, null, 0);
        }

        @Override
        public Uni<Optional<KeyContext>> resolve(String apiKey) {
            return Uni.createFrom().item(Optional.of(key));
        }

        @Override
        public void forgetKey(String keyId) {
        }

        @Override
        public void forgetWorkspace(String workspaceId) {
        }

        /** A made-up organization has no credit, so the dry run's verdict is a refusal: it is not followed. */
        @Override
        public Uni<CheckResult> check(CheckRequest request) {
            return guardrail.check(request.asDryRun()).onItemOrFailure().transform((verdict, failure) -> ALLOWED);
        }

        @Override
        public Uni<ModerationResult> moderate(ModerationRequest request) {
            return Uni.createFrom().item(new ModerationResult(true, 200, null, List.of(), List.of()));
        }

        @Override
        public Uni<Void> release(String reservationId) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Integer> releasePreviousLives() {
            return Uni.createFrom().item(0);
        }

        @Override
        public Uni<RoutePlan> plan(PlanRequest request) {
            return routing.plan(request).map(plan -> new RoutePlan(plan.candidates().stream().map(this::inProcess)
                    .toList(), plan.excluded(), plan.reuse()));
        }

        private Candidate inProcess(Candidate c) {
            return new Candidate(c.model(), c.provider(), c.upstreamModel(), providerBaseUrl, "openai", c.price(),
                    c.dataPolicy(), c.quantization(), c.contextLength(), c.maxCompletionTokens(), false,
                    c.dataRegion());
        }

        @Override
        public CompletionStage<Void> usageRecorded(UsageRecorded record) {
            usage.warmUp(record);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void providerAttempted(ProviderAttempt attempt) {
        }
    }
}
