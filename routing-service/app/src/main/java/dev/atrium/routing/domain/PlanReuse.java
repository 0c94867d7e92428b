package dev.atrium.routing.domain;

import dev.atrium.routing.api.RoutePlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the gateway may serve an identical plan request again from a plan, for how long, and which runs it
 * must draw anew. Not when the plan gives a half-open circuit its probe (one plan per cool-down may), nor when
 * a draw decided more than the order of a run: which endpoint {@code allow_fallbacks: false} keeps, or the
 * order of the workspace's own keys, which follows the platform's draw.
 */
public final class PlanReuse {

    private PlanReuse() {
    }

    public static Optional<RoutePlan.Reuse> of(List<RankedEndpoint> ranking, Duration reuseFor) {
        if (reuseFor.isZero() || reuseFor.isNegative()
                || ranking.stream().anyMatch(r -> r.kept() && "circuit_probe".equals(r.reason()))) {
            return Optional.empty();
        }
        List<RoutePlan.Balanced> balanced = new ArrayList<>();
        int position = 0;
        int runStart = -1;
        List<Double> weights = new ArrayList<>();
        String runModel = null;
        for (RankedEndpoint r : ranking) {
            if (!r.kept()) {
                continue;
            }
            boolean inRun = "load_balanced".equals(r.reason());
            if (runStart >= 0 && (!inRun || !r.candidate().model().equals(runModel))) {
                close(balanced, runStart, weights);
                runStart = -1;
            }
            if (inRun && runStart < 0) {
                runStart = position;
                runModel = r.candidate().model();
                weights = new ArrayList<>();
            }
            if (inRun) {
                weights.add(RoutePlanner.weight(r.candidate().price()));
            }
            position++;
        }
        if (runStart >= 0) {
            close(balanced, runStart, weights);
        }
        boolean drawnKept = ranking.stream().anyMatch(r -> r.kept() && "load_balanced".equals(r.reason()));
        boolean fallbacksCut = ranking.stream().anyMatch(r -> !r.kept() && "allow_fallbacks".equals(r.reason()));
        boolean ownKeys = ranking.stream().anyMatch(r -> r.kept() && r.reason() != null
                && r.reason().startsWith("byok"));
        if (drawnKept && fallbacksCut || !balanced.isEmpty() && ownKeys) {
            return Optional.empty();
        }
        return Optional.of(new RoutePlan.Reuse(reuseFor.toMillis(), balanced));
    }

    private static void close(List<RoutePlan.Balanced> balanced, int from, List<Double> weights) {
        if (weights.size() > 1) {
            balanced.add(new RoutePlan.Balanced(from, weights));
        }
    }
}
