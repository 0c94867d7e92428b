package dev.atrium.guardrail.application.service;

import dev.atrium.common.cache.KeptValues;
import dev.atrium.guardrail.application.named.NamedGuardrailRepository;
import dev.atrium.guardrail.application.port.in.ForgetKeptLevelsUseCase;
import dev.atrium.guardrail.application.port.out.AfterTransaction;
import dev.atrium.guardrail.application.port.out.LevelChanges;
import dev.atrium.guardrail.application.port.out.PolicyRepository;
import dev.atrium.guardrail.application.port.out.TenancyRepository;
import dev.atrium.guardrail.domain.named.AppliedGuardrail;
import dev.atrium.guardrail.domain.policy.EffectivePolicy;
import dev.atrium.guardrail.domain.policy.LevelPolicy;
import dev.atrium.guardrail.domain.policy.PolicyMerge;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.policy.StoredPolicy;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The policies that govern a request, ceiling first: organization, workspace, member (the key's owner), key,
 * and the named guardrails applied at those levels (the workspace's default, the owner's, the key's).
 * An instance keeps the keys and policies it read, so a check reads neither in the common case
 * (docs/adr/0006-guardrail-keeps-policies.md). A change written through this instance ends everything kept
 * when its transaction ends ({@link #changed()}); one written through another instance ends it when this
 * instance hears of that commit ({@link LevelChanges}, {@link #changedElsewhere()}). How long a value is kept
 * depends on whether this instance hears (docs/adr/0033-levels-kept-while-changes-are-heard.md): while its
 * listener confirms, at least once a second, that every change committed before a recent instant was heard
 * ({@link #heardAllBefore}), values are kept for {@link #KEPT_WHILE_HEARD}; once no confirmation is newer than
 * {@link #KEPT_FOR}, everything kept is forgotten and values are kept for {@link #KEPT_FOR}, the bound on how
 * stale a value gets while nothing can be heard. A value checks keep asking for is read again on one thread of
 * its own once three quarters of its time have passed ({@link KeptValues#get(Object,
 * java.util.function.Supplier, Executor)}), so a busy key's checks do not stop for the reads; how old a value
 * can be is the same.
 */
@ApplicationScoped
public class LevelPolicies implements ForgetKeptLevelsUseCase {

    /**
     * How long a value is kept while nothing can be heard, and how long after the newest confirmation of
     * hearing values kept meanwhile still answer.
     */
    static final Duration KEPT_FOR = Duration.ofSeconds(1);
    /** How long a value is kept while every change is heard at its commit: a bound on memory, not on staleness. */
    static final Duration KEPT_WHILE_HEARD = Duration.ofSeconds(60);
    /** At most this many keys or scope sets kept; past it, those least asked for are evicted. */
    static final int MAX_KEPT = 10_000;

    private final PolicyRepository policies;
    private final TenancyRepository tenancy;
    private final AfterTransaction afterTransaction;
    private final LevelChanges announced;
    private final KeptValues<String, Optional<KnownKey>> keys;
    private final KeptValues<List<PolicyScope>, List<StoredPolicy>> stored;
    /** Null: no named guardrails (tests of the level rules alone). */
    private final NamedGuardrailRepository named;
    private final KeptValues<List<String>, List<AppliedGuardrail>> applied;
    /** Where values are read ahead of their end: one thread, and a read that finds it busy is left to a check. */
    private final Executor ahead;
    private final LongSupplier nanoTime;
    private final Duration keptFor;
    /** The newest {@link #heardAllBefore} confirmation, on {@link #nanoTime}'s clock. */
    private volatile long heardBefore;
    /** Whether values are kept for {@link #KEPT_WHILE_HEARD}: a confirmation came and has not lapsed since. */
    private volatile boolean hearing;

    @Inject
    public LevelPolicies(PolicyRepository policies, TenancyRepository tenancy, AfterTransaction afterTransaction,
            NamedGuardrailRepository named, LevelChanges announced) {
        this(policies, tenancy, afterTransaction, System::nanoTime, KEPT_FOR, named, announced, readingAhead());
    }

    /** Reads every time: for tests of the rules, which write straight to their stores. */
    LevelPolicies(PolicyRepository policies, TenancyRepository tenancy) {
        this(policies, tenancy, (NamedGuardrailRepository) null);
    }

    /** Reads every time, named guardrails included. */
    public LevelPolicies(PolicyRepository policies, TenancyRepository tenancy, NamedGuardrailRepository named) {
        this(policies, tenancy, Runnable::run, System::nanoTime, Duration.ZERO, named);
    }

    LevelPolicies(PolicyRepository policies, TenancyRepository tenancy, AfterTransaction afterTransaction,
            LongSupplier nanoTime, Duration keptFor) {
        this(policies, tenancy, afterTransaction, nanoTime, keptFor, null);
    }

    LevelPolicies(PolicyRepository policies, TenancyRepository tenancy, AfterTransaction afterTransaction,
            LongSupplier nanoTime, Duration keptFor, NamedGuardrailRepository named) {
        this(policies, tenancy, afterTransaction, nanoTime, keptFor, named, () -> { });
    }

    LevelPolicies(PolicyRepository policies, TenancyRepository tenancy, AfterTransaction afterTransaction,
            LongSupplier nanoTime, Duration keptFor, NamedGuardrailRepository named, LevelChanges announced) {
        this(policies, tenancy, afterTransaction, nanoTime, keptFor, named, announced, Runnable::run);
    }

    /** @param ahead where values due for a refresh are read again; the tests' run at once */
    LevelPolicies(PolicyRepository policies, TenancyRepository tenancy, AfterTransaction afterTransaction,
            LongSupplier nanoTime, Duration keptFor, NamedGuardrailRepository named, LevelChanges announced,
            Executor ahead) {
        this.ahead = ahead;
        this.nanoTime = nanoTime;
        this.keptFor = keptFor;
        this.policies = policies;
        this.tenancy = tenancy;
        this.afterTransaction = afterTransaction;
        this.announced = announced;
        this.named = named;
        this.keys = KeptValues.keptFor(MAX_KEPT, this::keptFor, nanoTime);
        this.stored = KeptValues.keptFor(MAX_KEPT, this::keptFor, nanoTime);
        this.applied = KeptValues.keptFor(MAX_KEPT, this::keptFor, nanoTime);
    }

    /**
     * A key, a policy or a named guardrail was written in the current transaction: nothing read before its
     * end answers again, here or, once it commits, on the other instances.
     */
    public void changed() {
        announced.announce();
        afterTransaction.run(this::forgetAll);
    }

    private static Executor readingAhead() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1_000), r -> {
            Thread thread = new Thread(r, "guardrail-levels-read-ahead");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
    }

    @Override
    public void changedElsewhere() {
        forgetAll();
    }

    @Override
    public void heardAllBefore(long nanoTime) {
        heardBefore = nanoTime;
        hearing = true;
    }

    /** A value read now is kept this long: a minute while changes are heard, {@link #KEPT_FOR} otherwise. */
    private Duration keptFor() {
        return hearing && !keptFor.isZero() ? KEPT_WHILE_HEARD : keptFor;
    }

    /**
     * Before anything kept answers: once the newest confirmation of hearing is older than {@link #KEPT_FOR}, a
     * change may have gone unheard since, so everything kept longer than that is forgotten.
     */
    private void unlessUnheard() {
        if (hearing && nanoTime.getAsLong() - heardBefore > KEPT_FOR.toNanos()) {
            hearing = false;
            forgetAll();
        }
    }

    private void forgetAll() {
        keys.forgetAll();
        stored.forgetAll();
        applied.forgetAll();
    }

    /** The named guardrails that govern a request: the workspace's default, the owner's, the key's. */
    List<AppliedGuardrail> applied(String organizationId, String workspaceId, String ownerUserId, String keyId) {
        if (named == null) {
            return List.of();
        }
        unlessUnheard();
        List<String> scope = Arrays.asList(organizationId, workspaceId, ownerUserId, keyId);
        return applied.get(scope, () -> named.applying(organizationId, workspaceId, ownerUserId, keyId), ahead);
    }

    /** The levels' policies and the applied guardrails, merged under the ceiling. */
    EffectivePolicy merge(List<StoredPolicy> stored, List<AppliedGuardrail> guardrails) {
        return PolicyMerge.merge(AppliedGuardrail.interleave(stored.stream().map(LevelPolicy::of).toList(),
                guardrails));
    }

    KnownKey key(String keyId) {
        unlessUnheard();
        return keyId == null ? null : keys.get(keyId, () -> tenancy.findKey(keyId), ahead).orElse(null);
    }

    List<StoredPolicy> stored(String organizationId, String workspaceId, String ownerUserId, String keyId) {
        unlessUnheard();
        List<PolicyScope> scopes = new ArrayList<>();
        scopes.add(PolicyScope.organization(organizationId));
        scopes.add(PolicyScope.workspace(workspaceId));
        if (ownerUserId != null) {
            scopes.add(PolicyScope.member(workspaceId, ownerUserId));
        }
        if (keyId != null) {
            scopes.add(PolicyScope.key(keyId));
        }
        return stored.get(List.copyOf(scopes), () -> policies.findAll(scopes), ahead);
    }

    EffectivePolicy merge(List<StoredPolicy> stored) {
        return merge(stored, List.of());
    }
}
