package dev.atrium.gateway.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.application.service.Admission.Assessment;
import dev.atrium.routing.api.CandidateFilter;
import dev.atrium.routing.api.RouteConstraints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The answer when the guardrail allows a request but no candidate of its plan is left. */
final class NoProvider {

    private NoProvider() {
    }

    /** 503 naming, per endpoint left out, the preference or guardrail constraint that removed it. */
    static ApiException error(List<String> models, Assessment assessment) {
        RouteConstraints constraints = Admission.toRouteConstraints(assessment.verdict().constraints());
        List<Map<String, String>> excluded = new ArrayList<>();
        assessment.plan().excluded().forEach(e -> excluded.add(exclusion(e.model(), e.provider(), e.reason())));
        assessment.plan().candidates().forEach(c -> excluded.add(exclusion(c.model(), c.provider(),
                "guardrail." + CandidateFilter.excludedBy(constraints, c).orElse("constraints"))));
        StringBuilder message = new StringBuilder("No provider meets the routing requirements and the guardrails for ")
                .append(String.join(", ", models));
        if (!excluded.isEmpty()) {
            message.append(": ");
            for (int i = 0; i < excluded.size(); i++) {
                Map<String, String> e = excluded.get(i);
                message.append(i == 0 ? "" : ", ").append(e.get("provider")).append(" (").append(e.get("reason"))
                        .append(')');
            }
        }
        return new ApiException(503, message.toString(), Map.of("models", models, "excluded", excluded));
    }

    private static Map<String, String> exclusion(String model, String provider, String reason) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("model", model);
        e.put("provider", provider);
        e.put("reason", reason);
        return e;
    }
}
