package dev.atrium.gateway.adapter.out.client;

import static dev.atrium.gateway.adapter.out.client.InternalCalls.unavailable;

import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.gateway.application.port.out.KeySpendReader;
import dev.atrium.guardrail.api.CheckBatch;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.Holder;
import dev.atrium.guardrail.api.KeyDataRegions;
import dev.atrium.guardrail.api.KeySpend;
import dev.atrium.guardrail.api.ModerationRequest;
import dev.atrium.guardrail.api.ModerationResult;
import dev.atrium.workspace.api.KeyContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** guardrail-service's internal routes: checks (batched), moderations, reservations released, a key's spend. */
@ApplicationScoped
class GuardrailClient implements GuardrailChecker, KeySpendReader {

    private static final Logger LOG = Logger.getLogger(GuardrailClient.class);
    private static final String SERVICE = "guardrail-service";
    /** Longer than a check takes when guardrail is merely slow; far shorter than a reservation's ten minutes. */
    static final Duration RELEASE_AGAIN_AFTER = Duration.ofSeconds(30);

    private final InternalCalls calls;
    private final String url;
    /**
     * This instance ({@code atrium.instance-id}, stable across restarts) in this life (new at each start):
     * every check names it, so the holds it takes are this life's (docs/adr/0019-holds-instance-release.md).
     */
    private final Holder holder;
    private final CheckBatcher checks;

    @Inject
    GuardrailClient(InternalCalls calls, @ConfigProperty(name = "atrium.instance-id") String instanceId) {
        this.calls = calls;
        this.url = calls.config().guardrailUrl() + "/internal/v1";
        this.holder = new Holder(instanceId, UUID.randomUUID().toString());
        this.checks = new CheckBatcher(new CheckBatcher.Sender() {
            @Override
            public Uni<CheckResult> one(CheckRequest request) {
                return calls.post(url + "/checks", request)
                        .map(response -> calls.ok(SERVICE, response, CheckResult.class));
            }

            @Override
            public Uni<List<CheckResult>> many(List<CheckRequest> requests) {
                return checkTogether(requests);
            }
        }, calls.config().checkCalls(), CheckBatch.MAX_CHECKS);
    }

    /**
     * The check names the hold it may take, so that when the gateway gives up on the answer (its
     * timeout, a failed call, a client gone) it releases that hold rather than leaving it for the
     * reservation's ten minutes: once at once, and once more after {@link #RELEASE_AGAIN_AFTER}, for a
     * check that committed its hold after the first release arrived (docs/security.md).
     */
    @Override
    public Uni<CheckResult> check(CheckRequest request) {
        CheckRequest named = (request.reservationId() != null ? request
                : request.withReservationId("res_" + UUID.randomUUID().toString().replace("-", ""))).heldBy(holder);
        return checks.check(named)
                .onFailure().invoke(() -> releaseGivenUp(named.reservationId()))
                .onCancellation().invoke(() -> releaseGivenUp(named.reservationId()));
    }

    private void releaseGivenUp(String reservationId) {
        release(reservationId).subscribe().with(ignored -> { }, e -> { });
        Uni.createFrom().voidItem().onItem().delayIt().by(RELEASE_AGAIN_AFTER).chain(() -> release(reservationId))
                .subscribe().with(ignored -> { }, e -> { });
    }

    private Uni<List<CheckResult>> checkTogether(List<CheckRequest> requests) {
        return calls.post(url + "/checks/batch", new CheckBatch(requests)).map(response -> {
            if (response.statusCode() >= 400 && response.statusCode() < 500) {
                throw new CheckBatcher.Rejected("guardrail-service answered a check batch with HTTP "
                        + response.statusCode());
            }
            return calls.ok(SERVICE, response, CheckBatch.Results.class).results();
        });
    }

    @Override
    public Uni<ModerationResult> moderate(ModerationRequest request) {
        return calls.post(url + "/moderations", request)
                .map(response -> calls.ok(SERVICE, response, ModerationResult.class));
    }

    @Override
    public Uni<Void> release(String reservationId) {
        if (reservationId == null) {
            return Uni.createFrom().voidItem();
        }
        return calls.post(url + "/reservations/" + reservationId + "/release", Map.of())
                .invoke(response -> {
                    if (response.statusCode() >= 300 && response.statusCode() != 404) {
                        LOG.warnf("guardrail-service did not release reservation %s: HTTP %d", reservationId,
                                response.statusCode());
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    @Override
    public Uni<Integer> releasePreviousLives() {
        return calls.post(url + "/reservations/release-previous-lives", holder)
                .map(response -> calls.ok(SERVICE, response, Holder.Released.class).released());
    }

    @Override
    public Uni<KeySpend> spend(String keyId) {
        return calls.get(url + "/keys/" + keyId + "/spend").map(response -> calls.ok(SERVICE, response, KeySpend.class));
    }

    @Override
    public Uni<KeyDataRegions> dataRegions(KeyContext key) {
        return calls.get(url + "/keys/" + key.keyId() + "/data-regions?organization=" + query(key.organizationId())
                + "&workspace=" + query(key.workspaceId()))
                .map(response -> calls.ok(SERVICE, response, KeyDataRegions.class));
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
