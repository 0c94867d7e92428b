package dev.atrium.gateway.application.service;

import dev.atrium.gateway.api.ProviderAttempt;
import dev.atrium.gateway.application.port.out.UpstreamProvider.UpstreamAnswer;
import dev.atrium.gateway.application.port.out.UsagePublisher;
import dev.atrium.routing.api.Candidate;
import java.time.Clock;

/** Each provider attempt, published for routing's statistics; a failed one also stops the reuse of plans. */
final class ProviderAttempts {

    private final Admission admission;
    private final UsagePublisher usage;
    private final Clock clock;

    ProviderAttempts(Admission admission, UsagePublisher usage, Clock clock) {
        this.admission = admission;
        this.usage = usage;
        this.clock = clock;
    }

    void published(ProviderAttempt attempt) {
        if (!"success".equals(attempt.outcome())) {
            admission.providerFailed(attempt.provider());
        }
        usage.providerAttempted(attempt);
    }

    /** An attempt as its answer tells it: a whole answer, or the status and error of one that failed. */
    void answered(String generationId, Candidate candidate, UpstreamAnswer answer) {
        String outcome = answer.ok() ? "success" : answer.status() == 0 ? "timeout" : "error";
        long completionTokens = answer.ok() ? answer.body().path("usage").path("completion_tokens").asLong() : 0;
        published(new ProviderAttempt(generationId, candidate.provider(), candidate.model(), outcome,
                answer.status(), answer.latencyMs(), null, completionTokens, clock.instant()));
    }
}
