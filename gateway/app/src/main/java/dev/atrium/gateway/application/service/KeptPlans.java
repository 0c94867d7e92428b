package dev.atrium.gateway.application.service;

import dev.atrium.common.cache.KeptValues;
import dev.atrium.gateway.application.port.out.RoutePlanner;
import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.RoutePlan;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * The plans routing allowed to be reused ({@link RoutePlan#reuse()}), kept per plan request for the time it
 * gave; each reuse draws the plan's load-balanced runs anew, as routing would. A plan in use is asked for again
 * ahead of its end ({@link KeptValues#claimRefresh}), off the request that finds it due, so steady traffic does
 * not wait for routing once a period. A failed provider attempt forgets the plans naming that provider, so
 * their next request asks routing, whose circuits may have opened.
 */
final class KeptPlans {

    /** At most this many distinct plan requests kept; past it, those least asked for are evicted. */
    static final int MAX_KEPT = 10_000;

    private final KeptValues<PlanRequest, RoutePlan> kept;

    KeptPlans(LongSupplier nanoTime) {
        this.kept = KeptValues.eachUntil(MAX_KEPT, nanoTime);
    }

    Uni<RoutePlan> plan(PlanRequest request, RoutePlanner routing) {
        long began = kept.generation();
        long asked = kept.now();
        RoutePlan found = kept.find(request, asked);
        if (found == null) {
            return routing.plan(request).invoke(plan -> keep(request, plan, began, asked));
        }
        if (kept.claimRefresh(request, asked)) {
            // Asked again off this request, ahead of the plan's end: it answers until then, as before.
            routing.plan(request).subscribe().with(plan -> keep(request, plan, began, asked), failure -> { });
        }
        return Uni.createFrom().item(found.reordered(ThreadLocalRandom.current()));
    }

    private void keep(PlanRequest request, RoutePlan plan, long began, long asked) {
        if (plan.reuse() == null || plan.reuse().forMillis() <= 0) {
            kept.drop(request, kept.find(request, asked));
            return;
        }
        kept.keepUntil(request, plan, began, asked + plan.reuse().forMillis() * 1_000_000);
    }

    /**
     * An attempt at {@code provider} failed: the plans that name it (any model, BYOK or not) are asked of
     * routing again, since its circuits may have opened; plans without it stay, as routing would answer them
     * the same.
     */
    void forgetNaming(String provider) {
        kept.forgetIf((request, plan) -> plan.candidates().stream().anyMatch(c -> c.provider().equals(provider))
                || plan.excluded().stream().anyMatch(c -> provider.equals(c.provider())));
    }
}
