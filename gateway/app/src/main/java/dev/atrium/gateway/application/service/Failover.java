package dev.atrium.gateway.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.application.port.out.UpstreamProvider.UpstreamAnswer;
import dev.atrium.gateway.application.port.out.WorkspaceSettingsReader;
import dev.atrium.gateway.application.service.Admission.Admitted;
import dev.atrium.gateway.domain.Fallback;
import dev.atrium.routing.api.Candidate;
import dev.atrium.workspace.api.KeyContext;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the gateway fails over, for answers and streams alike: the admitted candidates are tried in plan
 * order (routing ordered them, the guardrail filtered them), each with the platform's credentials or the
 * workspace's own key. An attempt that failed with a retryable status ({@link Fallback}: no answer, 408,
 * 429, 5xx) goes on to the next candidate; any other failure ends the request with the provider's refusal;
 * when none is left, 502 listing every attempt. Each caller says only how one candidate is tried.
 */
final class Failover {

    /** How one candidate is tried; {@code credential} is the workspace's own key, null for the platform's. */
    interface Attempt<T> {

        Uni<Tried<T>> call(Candidate candidate, String credential);
    }

    /** What one attempt gave: its result, or the answer that failed it (nothing of it relayed or charged). */
    record Tried<T>(T result, UpstreamAnswer failed) {

        static <T> Tried<T> answered(T result) {
            return new Tried<>(result, null);
        }

        static <T> Tried<T> failed(UpstreamAnswer failed) {
            return new Tried<>(null, failed);
        }
    }

    private final WorkspaceSettingsReader settings;
    private final ProviderAttempts attempts;

    Failover(WorkspaceSettingsReader settings, ProviderAttempts attempts) {
        this.settings = settings;
        this.attempts = attempts;
    }

    /** The first candidate's result that {@code attempt} gives; a failed attempt is published for routing. */
    <T> Uni<T> first(Admitted admitted, String generationId, Attempt<T> attempt) {
        return from(0, admitted, generationId, attempt, new ArrayList<>());
    }

    private <T> Uni<T> from(int index, Admitted admitted, String generationId, Attempt<T> attempt,
            List<Map<String, Object>> failures) {
        if (index >= admitted.candidates().size()) {
            return Uni.createFrom().failure(new ApiException(502, "Every provider failed",
                    Map.of("attempts", failures)));
        }
        Candidate candidate = admitted.candidates().get(index);
        return credential(admitted.key(), candidate).chain(credential -> {
            if (credential.isEmpty()) {
                failures.add(noByokKey(candidate));
                return from(index + 1, admitted, generationId, attempt, failures);
            }
            return attempt.call(candidate, credential.get().orElse(null)).chain(tried -> {
                UpstreamAnswer failed = tried.failed();
                if (failed == null) {
                    return Uni.createFrom().item(tried.result());
                }
                attempts.answered(generationId, candidate, failed);
                failures.add(Map.of("provider", candidate.provider(), "model", candidate.model(),
                        "status", failed.status(), "message", String.valueOf(failed.error())));
                if (Fallback.isRetryable(failed.status())) {
                    return from(index + 1, admitted, generationId, attempt, failures);
                }
                return Uni.createFrom().failure(rejected(candidate, failed));
            });
        });
    }

    private static ApiException rejected(Candidate candidate, UpstreamAnswer answer) {
        int status = answer.status() == 400 || answer.status() == 422 ? 400 : 502;
        return new ApiException(status, "Provider " + candidate.provider() + " rejected the request: "
                + answer.error(), Map.of("provider_name", candidate.provider(), "upstream_status", answer.status()));
    }

    /**
     * The credential for one candidate: empty when a BYOK candidate's key is gone (the candidate is
     * skipped like a failed one); present with null for the platform's own credentials.
     */
    private Uni<Optional<Optional<String>>> credential(KeyContext key, Candidate candidate) {
        if (!candidate.byok()) {
            return Uni.createFrom().item(Optional.of(Optional.empty()));
        }
        return settings.byokKey(key.workspaceId(), candidate.provider(), key.settingsRevision())
                .map(found -> found.map(Optional::of));
    }

    /** A BYOK candidate whose key was deleted since the key's context was read: skipped, no provider called. */
    private static Map<String, Object> noByokKey(Candidate candidate) {
        return Map.of("provider", candidate.provider(), "model", candidate.model(), "status", 0,
                "message", "the workspace's own " + candidate.provider() + " key was removed");
    }
}
