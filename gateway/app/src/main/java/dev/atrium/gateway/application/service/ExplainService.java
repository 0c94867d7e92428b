package dev.atrium.gateway.application.service;

import dev.atrium.gateway.application.port.in.CompleteChatUseCase.CompleteChatCommand;
import dev.atrium.gateway.application.port.in.ExplainUseCase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The same admission as a chat completion, answered without calling a provider. The check is a dry run:
 * explaining a request never uses a rate limit, a budget or credits, so nothing is released after it.
 */
@ApplicationScoped
public class ExplainService implements ExplainUseCase {

    private final Admission admission;

    public ExplainService(Admission admission) {
        this.admission = admission;
    }

    @Override
    public Uni<Explanation> explain(CompleteChatCommand command) {
        return admission.prepare(command).chain(admission::assessDryRun)
                .map(a -> new Explanation(a.prepared().key(), a.prepared().request().requestedModels(), a.verdict(),
                        a.plan().candidates(), a.allowed(), a.plan().excluded(), a.prepared().preset(),
                        a.prepared().plugins()));
    }
}
