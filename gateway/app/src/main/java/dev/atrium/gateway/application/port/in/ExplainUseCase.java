package dev.atrium.gateway.application.port.in;

import dev.atrium.gateway.application.port.in.CompleteChatUseCase.CompleteChatCommand;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.routing.api.Candidate;
import dev.atrium.routing.api.RoutePlan;
import dev.atrium.workspace.api.KeyContext;
import dev.atrium.workspace.api.PresetDefinition;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Set;

/** {@code POST /api/v1/explain}: what a chat request would do, without calling a provider. */
public interface ExplainUseCase {

    Uni<Explanation> explain(CompleteChatCommand command);

    /**
     * @param allowed  the candidates left after the guardrail's constraints, in the order they would be tried
     * @param excluded the endpoints routing left out, each with the preference that removed it
     * @param preset   the preset version applied; null for none
     * @param plugins  the plugins that would run
     */
    record Explanation(KeyContext key, List<String> models, CheckResult verdict, List<Candidate> candidates,
            List<Candidate> allowed, List<RoutePlan.Exclusion> excluded, PresetDefinition preset,
            Set<String> plugins) {
    }
}
