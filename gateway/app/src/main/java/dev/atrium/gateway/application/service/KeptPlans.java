package dev.atrium.gateway.application.service;

import dev.atrium.gateway.application.port.out.RoutePlanner;
import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.RoutePlan;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * The plans routing allowed to be reused ({@link RoutePlan#reuse()}), kept per plan request for the time it
 * gave; each reuse draws the plan's load-balanced runs anew, as routing would. A failed provider attempt
 * forgets them all, so the next request asks routing, whose circuits may have opened.
 */
final class KeptPlans {

    /** Past this many distinct plan requests, all are forgotten: the map never grows with unbounded input. */
    static final int MAX_KEPT = 10_000;

    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<PlanRequest, Kept> kept = new ConcurrentHashMap<>();

    KeptPlans(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    private record Kept(RoutePlan plan, long untilNanos) {
    }

    Uni<RoutePlan> plan(PlanRequest request, RoutePlanner routing) {
        long asked = nanoTime.getAsLong();
        Kept found = kept.get(request);
        if (found != null && asked - found.untilNanos() < 0) {
            return Uni.createFrom().item(found.plan().reordered(ThreadLocalRandom.current()));
        }
        return routing.plan(request).invoke(plan -> keep(request, plan, asked));
    }

    private void keep(PlanRequest request, RoutePlan plan, long asked) {
        if (plan.reuse() == null || plan.reuse().forMillis() <= 0) {
            kept.remove(request);
            return;
        }
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(request, new Kept(plan, asked + plan.reuse().forMillis() * 1_000_000));
    }

    void forgetAll() {
        kept.clear();
    }
}
