package dev.atrium.gateway.adapter.out.client;

import dev.atrium.guardrail.api.CheckBatch;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends an organization's checks to guardrail one call at a time (at most {@code maxOut} calls out per
 * organization): a check that finds none out goes alone at once, and the checks that arrive while the
 * organization's calls are out wait for one to come back and then go together in one
 * {@code POST /internal/v1/checks/batch} (docs/adr/0007-check-batches.md). Guardrail still decides and
 * commits each on its own; what changes is that one organization's checks no longer queue on its
 * counter rows inside PostgreSQL, and one HTTP exchange carries several under load. Organizations do
 * not wait for each other. Each caller is answered on the Vert.x context it asked from.
 */
final class CheckBatcher {

    /** The two ways to call guardrail. */
    interface Sender {

        Uni<CheckResult> one(CheckRequest request);

        /** One result per request, in order; fails with {@link Rejected} when guardrail refused the batch as such. */
        Uni<List<CheckResult>> many(List<CheckRequest> requests);
    }

    /** Guardrail answered the batch with a 4xx (a check it finds malformed, or a guardrail without batches). */
    static final class Rejected extends RuntimeException {

        Rejected(String message) {
            super(message, null, false, false);
        }
    }

    /** A caller and its check; compared by identity. */
    private static final class Waiting {
        final CheckRequest request;
        final UniEmitter<? super CheckResult> emitter;
        final Context context;

        Waiting(CheckRequest request, UniEmitter<? super CheckResult> emitter, Context context) {
            this.request = request;
            this.emitter = emitter;
            this.context = context;
        }
    }

    /** One organization's checks: those waiting, and how many calls are out. */
    private static final class Lane {
        final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
        int out;
    }

    private final Sender sender;
    private final int maxOut;
    private final int maxBatch;
    /** Only organizations with a check waiting or out; guarded by this. */
    private final Map<String, Lane> lanes = new HashMap<>();

    CheckBatcher(Sender sender, int maxOut, int maxBatch) {
        if (maxOut < 1) {
            throw new IllegalArgumentException("atrium.gateway.check-calls must be at least 1");
        }
        if (maxBatch < 1 || maxBatch > CheckBatch.MAX_CHECKS) {
            throw new IllegalArgumentException("A batch carries 1 to " + CheckBatch.MAX_CHECKS + " checks");
        }
        this.sender = sender;
        this.maxOut = maxOut;
        this.maxBatch = maxBatch;
    }

    Uni<CheckResult> check(CheckRequest request) {
        String organization = String.valueOf(request.organizationId());
        return Uni.createFrom().emitter(emitter -> {
            Waiting w = new Waiting(request, emitter, Vertx.currentContext());
            synchronized (this) {
                lanes.computeIfAbsent(organization, o -> new Lane()).waiting.add(w);
            }
            // A caller that goes away before its check was sent (a client that disconnected) sends nothing.
            emitter.onTermination(() -> forget(organization, w));
            sendWhatMayGo(organization);
        });
    }

    /** Organizations with a check waiting or out; for tests. */
    synchronized int lanes() {
        return lanes.size();
    }

    private synchronized void forget(String organization, Waiting w) {
        Lane lane = lanes.get(organization);
        if (lane != null && lane.waiting.remove(w) && lane.out == 0 && lane.waiting.isEmpty()) {
            lanes.remove(organization);
        }
    }

    private void sendWhatMayGo(String organization) {
        List<Waiting> next;
        while ((next = take(organization)) != null) {
            send(organization, next);
        }
    }

    private synchronized List<Waiting> take(String organization) {
        Lane lane = lanes.get(organization);
        if (lane == null || lane.waiting.isEmpty() || lane.out >= maxOut) {
            return null;
        }
        lane.out++;
        List<Waiting> taken = new ArrayList<>(Math.min(lane.waiting.size(), maxBatch));
        while (!lane.waiting.isEmpty() && taken.size() < maxBatch) {
            taken.add(lane.waiting.poll());
        }
        return taken;
    }

    private void send(String organization, List<Waiting> batch) {
        if (batch.size() == 1) {
            Waiting only = batch.get(0);
            sender.one(only.request).subscribe().with(
                    result -> done(organization, () -> answer(only, result)),
                    failure -> done(organization, () -> fail(only, failure)));
            return;
        }
        sender.many(batch.stream().map(w -> w.request).toList()).subscribe().with(
                results -> done(organization, () -> {
                    if (results.size() != batch.size()) {
                        IllegalStateException wrong = new IllegalStateException("guardrail answered "
                                + results.size() + " results to " + batch.size() + " checks");
                        batch.forEach(w -> fail(w, wrong));
                        return;
                    }
                    for (int i = 0; i < batch.size(); i++) {
                        answer(batch.get(i), results.get(i));
                    }
                }),
                failure -> done(organization, () -> {
                    if (failure instanceof Rejected) {
                        // Each alone, so one malformed check is answered for itself and the others go through.
                        batch.forEach(w -> sender.one(w.request).subscribe().with(
                                result -> answer(w, result), f -> fail(w, f)));
                    } else {
                        batch.forEach(w -> fail(w, failure));
                    }
                }));
    }

    /** A call came back: its slot frees before its callers are answered, so what waits goes out at once. */
    private void done(String organization, Runnable answers) {
        synchronized (this) {
            Lane lane = lanes.get(organization);
            lane.out--;
            if (lane.out == 0 && lane.waiting.isEmpty()) {
                lanes.remove(organization);
            }
        }
        sendWhatMayGo(organization);
        answers.run();
    }

    private static void answer(Waiting w, CheckResult result) {
        on(w.context, () -> w.emitter.complete(result));
    }

    private static void fail(Waiting w, Throwable failure) {
        on(w.context, () -> w.emitter.fail(failure));
    }

    private static void on(Context context, Runnable action) {
        if (context == null || context == Vertx.currentContext()) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }
}
