package dev.atrium.gateway.application.service;

import dev.atrium.gateway.application.port.in.CompleteChatUseCase.CompleteChatCommand;
import dev.atrium.gateway.application.port.in.ExplainUseCase;
import dev.atrium.gateway.application.port.out.GuardrailChecker;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The same admission as a chat completion, answered without calling a provider. */
@ApplicationScoped
public class ExplainService implements ExplainUseCase {

    private final Admission admission;
    private final GuardrailChecker guardrail;

    public ExplainService(Admission admission, GuardrailChecker guardrail) {
        this.admission = admission;
        this.guardrail = guardrail;
    }

    @Override
    public Uni<Explanation> explain(CompleteChatCommand command) {
        return admission.prepare(command).chain(admission::assess)
                // Nothing will be generated: free whatever the check reserved.
                .call(a -> guardrail.release(a.verdict().reservationId()))
                .map(a -> new Explanation(a.prepared().key(), a.prepared().request().requestedModels(), a.verdict(),
                        a.plan().candidates(), a.allowed(), a.plan().excluded(), a.prepared().preset(),
                        a.prepared().plugins()));
    }
}
