package dev.atrium.gateway.application.service;

import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Admissions asked of the guardrail ahead of the requests that will use them, at most {@link #DEPTH} per key
 * (docs/adr/0008-admissions-ahead.md). When a key's requests come one at a time and follow each other within
 * {@code maxAge}, an admitted one whose verdict the guardrail marked keepable asks the next requests' admissions
 * at once, while its own request goes on to the provider. The key's next request of the same shape
 * (organization, workspace, owner, models, {@code max_tokens}, no more prompt tokens) takes that admission
 * instead of a check, or waits for it when it is still on its way. An admission kept past {@code maxAge} is
 * released, so are a key's or a workspace's when they change, and an organization's before one of its requests
 * is refused for budget or credit.
 */
final class AdmissionsAhead {

    /** Prompt tokens are asked ahead rounded up to a power of two, at least this many. */
    static final long MIN_TOKENS_AHEAD = 256;

    /**
     * Admissions kept ahead per key. One round trip to guardrail can take longer than a request that skips it,
     * so with one a client that sends its next request at once would mostly wait for it; with two, each has had
     * two requests' time to come back, and the second is asked together with others while the first is out.
     */
    static final int DEPTH = 2;

    private static final long QUIET_NANOS = 60_000_000_000L;

    private record Ahead(CheckRequest asked, Uni<CheckResult> verdict, long askedAt) {
    }

    private final GuardrailChecker guardrail;
    private final LongSupplier nanoTime;
    private final long maxAgeNanos;
    private final ConcurrentHashMap<String, ConcurrentLinkedDeque<Ahead>> byKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Serving> serving = new ConcurrentHashMap<>();

    /** A key's requests being served, and when the last of them was admitted. */
    private static final class Serving {
        int requests;
        boolean admitted;
        long lastAdmitted;
    }

    /** A {@code maxAgeNanos} of 0 asks nothing ahead. */
    AdmissionsAhead(GuardrailChecker guardrail, LongSupplier nanoTime, long maxAgeNanos) {
        this.guardrail = guardrail;
        this.nanoTime = nanoTime;
        this.maxAgeNanos = maxAgeNanos;
    }

    /** The verdict for this request: the admission asked ahead for its shape, or a check asked now. */
    Uni<CheckResult> check(CheckRequest request) {
        if (maxAgeNanos <= 0) {
            return guardrail.check(request);
        }
        ConcurrentLinkedDeque<Ahead> aheads = byKey.get(request.keyId());
        Ahead ahead = aheads == null ? null : aheads.peekFirst();
        if (ahead != null && fits(ahead.asked(), request) && nanoTime.getAsLong() - ahead.askedAt() <= maxAgeNanos
                && aheads.removeFirstOccurrence(ahead)) {
            return ahead.verdict().onFailure().recoverWithItem((CheckResult) null).chain(kept -> {
                if (kept != null && kept.allowed() && kept.keepable()) {
                    return Uni.createFrom().item(kept);
                }
                // Refused, or no longer keepable (a policy changed): this request is checked on its own.
                return release(kept).chain(() -> checkNow(request));
            });
        }
        return checkNow(request);
    }

    /**
     * The request's own check. Refused for budget or credit while this gateway holds admissions ahead for the
     * organization: those are released and the request is checked once more, so it is never refused for them.
     */
    private Uni<CheckResult> checkNow(CheckRequest request) {
        return guardrail.check(request).chain(verdict -> verdict.allowed() || verdict.status() != 402
                ? Uni.createFrom().item(verdict)
                : releaseOrganization(request.organizationId())
                        .chain(released -> released ? guardrail.check(request) : Uni.createFrom().item(verdict)));
    }

    /**
     * A request of the key was admitted and is now served: when it is the only one, its verdict is keepable and
     * the key's previous request was admitted at most {@code maxAge} before, the next one is asked ahead.
     */
    void admitted(CheckRequest request, CheckResult verdict) {
        if (maxAgeNanos <= 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        Serving serving = this.serving.computeIfAbsent(request.keyId(), key -> new Serving());
        boolean followsClosely;
        synchronized (serving) {
            followsClosely = ++serving.requests == 1 && serving.admitted && now - serving.lastAdmitted <= maxAgeNanos;
            serving.admitted = true;
            serving.lastAdmitted = now;
        }
        if (followsClosely && verdict.keepable()) {
            List<Ahead> asked = new ArrayList<>(DEPTH);
            byKey.compute(request.keyId(), (key, kept) -> {
                ConcurrentLinkedDeque<Ahead> aheads = kept == null ? new ConcurrentLinkedDeque<>() : kept;
                for (int missing = DEPTH - aheads.size(); missing > 0; missing--) {
                    Ahead ahead = ahead(request);
                    aheads.addLast(ahead);
                    asked.add(ahead);
                }
                return aheads;
            });
            for (Ahead ahead : asked) {
                ahead.verdict().subscribe().with(v -> { }, e -> {
                    ConcurrentLinkedDeque<Ahead> kept = byKey.get(request.keyId());
                    if (kept != null) {
                        kept.removeFirstOccurrence(ahead);
                    }
                });
            }
        }
    }

    /** A request {@link #admitted} was answered, failed or was cancelled. */
    void finished(String keyId) {
        Serving serving = this.serving.get(keyId);
        if (serving != null) {
            synchronized (serving) {
                serving.requests = Math.max(0, serving.requests - 1);
            }
        }
    }

    /** The next request's admission, asked once it is subscribed to. */
    private Ahead ahead(CheckRequest request) {
        CheckRequest next = new CheckRequest(request.organizationId(), request.workspaceId(), request.keyId(),
                request.ownerUserId(), request.models(), tokensAhead(request.estimatedPromptTokens()),
                request.maxTokens(), null);
        // The request that takes it, or the release, gets the verdict of the one check.
        return new Ahead(next, Uni.createFrom().deferred(() -> guardrail.check(next)).memoize().indefinitely(),
                nanoTime.getAsLong());
    }

    static long tokensAhead(long estimated) {
        long tokens = MIN_TOKENS_AHEAD;
        while (tokens < estimated) {
            tokens *= 2;
        }
        return tokens;
    }

    private static boolean fits(CheckRequest asked, CheckRequest request) {
        return asked.organizationId().equals(request.organizationId())
                && asked.workspaceId().equals(request.workspaceId())
                && Objects.equals(asked.ownerUserId(), request.ownerUserId())
                && asked.models().equals(request.models())
                && Objects.equals(asked.maxTokens(), request.maxTokens())
                && request.estimatedPromptTokens() <= asked.estimatedPromptTokens();
    }

    /** Releases the admissions kept past their age, and forgets keys that went quiet. */
    void sweep() {
        long now = nanoTime.getAsLong();
        releaseWhere(ahead -> now - ahead.askedAt() > maxAgeNanos).subscribe().with(released -> { }, e -> { });
        // A key quiet for a minute is forgotten, with any count a lost termination left behind.
        serving.values().removeIf(s -> {
            synchronized (s) {
                return now - s.lastAdmitted > QUIET_NANOS;
            }
        });
        byKey.keySet().forEach(key -> byKey.computeIfPresent(key, (k, kept) -> kept.isEmpty() ? null : kept));
    }

    /** A key changed: what was asked ahead for it is released. */
    void forgetKey(String keyId) {
        releaseWhere(ahead -> ahead.asked().keyId().equals(keyId)).subscribe().with(released -> { }, e -> { });
    }

    void forgetWorkspace(String workspaceId) {
        releaseWhere(ahead -> ahead.asked().workspaceId().equals(workspaceId))
                .subscribe().with(released -> { }, e -> { });
    }

    /** Releases the organization's admissions asked ahead; true once released when there was any. */
    Uni<Boolean> releaseOrganization(String organizationId) {
        return releaseWhere(ahead -> ahead.asked().organizationId().equals(organizationId));
    }

    /** How many admissions are kept ahead, for tests. */
    int kept() {
        return byKey.values().stream().mapToInt(ConcurrentLinkedDeque::size).sum();
    }

    private Uni<Boolean> releaseWhere(Predicate<Ahead> which) {
        List<Uni<Void>> releases = new ArrayList<>();
        byKey.values().forEach(kept -> kept.forEach(ahead -> {
            if (which.test(ahead) && kept.removeFirstOccurrence(ahead)) {
                releases.add(ahead.verdict().onFailure().recoverWithItem((CheckResult) null).chain(this::release));
            }
        }));
        if (releases.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return Uni.join().all(releases).andCollectFailures().replaceWith(true);
    }

    private Uni<Void> release(CheckResult verdict) {
        if (verdict == null || !verdict.allowed() || verdict.reservationId() == null) {
            return Uni.createFrom().voidItem();
        }
        return guardrail.release(verdict.reservationId());
    }
}
