package dev.atrium.routing.application.port.in;

import dev.atrium.routing.api.Candidate;
import dev.atrium.routing.api.RouteConstraints;
import dev.atrium.routing.application.port.in.PlanRouteUseCase.PlanRouteCommand;
import java.util.List;

public interface PreviewRouteUseCase {

    /** The full ranking a plan for this workspace would make, with why each endpoint is kept or left out. */
    Preview preview(PreviewRouteCommand command);

    /** @param constraints a guardrail's constraints to apply as the gateway would; null for none */
    record PreviewRouteCommand(PlanRouteCommand plan, RouteConstraints constraints) {
    }

    /**
     * @param reason why it is kept where it is, or what left it out: a preference ({@code only}, ...),
     *               {@code circuit_open}, or {@code constraints.<field>} when the constraints remove it
     */
    record PreviewEntry(Candidate candidate, boolean kept, String reason) {
    }

    record Preview(String workspaceId, List<PreviewEntry> entries) {
    }
}
