package dev.atrium.guardrail.adapter.in.rest;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.common.security.Caller;
import dev.atrium.guardrail.api.CheckBatch;
import dev.atrium.guardrail.api.CheckLatency;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.Holder;
import dev.atrium.guardrail.api.KeyDataRegions;
import dev.atrium.guardrail.api.KeySpend;
import dev.atrium.guardrail.api.ModerationRequest;
import dev.atrium.guardrail.api.ModerationResult;
import dev.atrium.guardrail.application.port.in.CheckPolicyUseCase;
import dev.atrium.guardrail.application.port.in.CheckPolicyUseCase.CheckCommand;
import dev.atrium.guardrail.application.port.in.ModerateOutputUseCase;
import dev.atrium.guardrail.application.port.in.ModerateOutputUseCase.ModerateCommand;
import dev.atrium.guardrail.application.port.in.ReleasePreviousLivesUseCase;
import dev.atrium.guardrail.application.port.in.ReleaseReservationUseCase;
import dev.atrium.guardrail.application.port.in.ViewEffectivePolicyQuery;
import dev.atrium.guardrail.application.port.in.ViewKeySpendQuery;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** The gateway's calls: only service tokens may make them. */
@Path("/internal/v1")
@RolesAllowed(Caller.SERVICE)
class InternalResource {

    private static final Logger LOG = Logger.getLogger(InternalResource.class);
    static final String CHECK_LATENCY = "atrium.guardrail.check.latency";
    private static final Duration[] BUCKETS = CheckLatency.buckets();

    private final CheckPolicyUseCase checkPolicy;
    private final ViewKeySpendQuery keySpend;
    private final ReleaseReservationUseCase releaseReservation;
    private final ModerateOutputUseCase moderateOutput;
    private final ReleasePreviousLivesUseCase releasePreviousLives;
    private final ViewEffectivePolicyQuery effectivePolicy;
    private final MeterRegistry registry;

    InternalResource(CheckPolicyUseCase checkPolicy, ViewKeySpendQuery keySpend,
            ReleaseReservationUseCase releaseReservation, ModerateOutputUseCase moderateOutput,
            ReleasePreviousLivesUseCase releasePreviousLives, ViewEffectivePolicyQuery effectivePolicy,
            MeterRegistry registry) {
        this.registry = registry;
        this.effectivePolicy = effectivePolicy;
        this.checkPolicy = checkPolicy;
        this.keySpend = keySpend;
        this.releaseReservation = releaseReservation;
        this.moderateOutput = moderateOutput;
        this.releasePreviousLives = releasePreviousLives;
    }

    /** Always 200: a denial is an answer, carrying the status the gateway should give its client. */
    @POST
    @Path("/checks")
    public CheckResult check(CheckRequest request) {
        return timed(CheckCommand.of(request));
    }

    /**
     * One check decided, timed by outcome ({@code allowed} or {@code denied}) as
     * {@code atrium_guardrail_check_latency_seconds}: a check in a batch is timed alone, so batches do not hide
     * a slow one. Checks that throw are counted by the HTTP server metrics' 5xx.
     */
    private CheckResult timed(CheckCommand command) {
        long start = System.nanoTime();
        CheckResult result = checkPolicy.check(command);
        Timer.builder(CHECK_LATENCY)
                .description("Policy checks decided, each in its own transaction, by outcome")
                .tag("outcome", result.allowed() ? "allowed" : "denied")
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(Duration.ofNanos(System.nanoTime() - start));
        return result;
    }

    /**
     * Several checks, each its own transaction as if sent alone, decided in the order given. Every check
     * is validated before the first is decided, so a malformed one gets a 400 and nothing is written.
     */
    @POST
    @Path("/checks/batch")
    public CheckBatch.Results checkBatch(CheckBatch batch) {
        List<CheckRequest> checks = batch == null ? null : batch.checks();
        if (checks == null || checks.isEmpty()) {
            throw new InvalidFieldException("checks", "checks must list at least one check");
        }
        if (checks.size() > CheckBatch.MAX_CHECKS) {
            throw new InvalidFieldException("checks", "checks may list at most " + CheckBatch.MAX_CHECKS + " checks");
        }
        List<CheckCommand> commands = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            try {
                commands.add(CheckCommand.of(checks.get(i)));
            } catch (InvalidFieldException e) {
                throw new InvalidFieldException("checks[" + i + "]." + e.field(), e.getMessage());
            }
        }
        List<CheckResult> results = new ArrayList<>(commands.size());
        for (CheckCommand command : commands) {
            results.add(checkAmongOthers(command));
        }
        return new CheckBatch.Results(results);
    }

    /**
     * A check that fails unexpectedly is answered 503 on its own: the checks before it have committed
     * their reservations, so failing the whole call would leave those held with no request to use them.
     */
    private CheckResult checkAmongOthers(CheckCommand command) {
        try {
            return timed(command);
        } catch (RuntimeException e) {
            LOG.errorf(e, "A check in a batch failed (organization %s)", command.organizationId());
            return CheckResult.deny(503, "guardrail-service could not decide this request; try again shortly", null);
        }
    }

    /** The moderation plugin's verdict on an answer; always 200, a block carrying status 403 and its reason. */
    @POST
    @Path("/moderations")
    public ModerationResult moderate(ModerationRequest request) {
        return moderateOutput.moderate(ModerateCommand.of(request));
    }

    /**
     * A gateway instance that starts gives back what its earlier lives held (they ended, so no usage record
     * or release of theirs will come); the holds of its present life and of other instances stay. Answers
     * how many were still held; a repeated call finds none.
     */
    @POST
    @Path("/reservations/release-previous-lives")
    public Holder.Released releasePreviousLives(Holder holder) {
        var by = ReleasePreviousLivesUseCase.holder("", holder);
        int released = releasePreviousLives.releasePreviousLives(by);
        LOG.infof("Gave back %d holds of earlier lives of gateway instance %s (now in life %s)", released,
                by.instance(), by.life());
        return new Holder.Released(released);
    }

    /** 204 whether or not the reservation was still held: the gateway may call it more than once. */
    @POST
    @Path("/reservations/{id}/release")
    public void release(@PathParam("id") String id) {
        releaseReservation.release(id);
    }

    @GET
    @Path("/keys/{key}/spend")
    public KeySpend spend(@PathParam("key") String key) {
        return view(keySpend.spend(key));
    }

    /**
     * The data regions the key's requests may reach under its effective policy in the organization and workspace
     * the gateway resolved it to (the key's level and its owner's apply once guardrail has learned the key).
     */
    @GET
    @Path("/keys/{key}/data-regions")
    public KeyDataRegions dataRegions(@PathParam("key") String key, @QueryParam("organization") String organization,
            @QueryParam("workspace") String workspace) {
        if (organization == null || organization.isBlank()) {
            throw new InvalidFieldException("organization", "organization is required: the key's organization id");
        }
        if (workspace == null || workspace.isBlank()) {
            throw new InvalidFieldException("workspace", "workspace is required: the key's workspace id");
        }
        return new KeyDataRegions(key,
                effectivePolicy.policy(organization, workspace, key).permittedDataRegions());
    }

    /** A key's spend as the API answers it, here and on its workspace's public routes (one key, a page of keys). */
    static KeySpend view(dev.atrium.guardrail.domain.budget.KeySpend s) {
        return new KeySpend(s.keyId(), s.usage().total(), s.usage().daily(), s.usage().weekly(), s.usage().monthly(),
                s.byokUsage().total(), s.byokUsage().daily(), s.byokUsage().weekly(), s.byokUsage().monthly(),
                s.limit(), s.limitRemaining(), s.limitReset() == null ? null : s.limitReset().wire());
    }
}
