package dev.atrium.guardrail.application.service;

import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.Constraints;
import dev.atrium.guardrail.api.Redaction;
import dev.atrium.guardrail.application.port.in.CheckPolicyUseCase;
import dev.atrium.guardrail.application.port.out.AdmissionLocks;
import dev.atrium.guardrail.config.GuardrailConfig;
import dev.atrium.guardrail.domain.admission.Admission;
import dev.atrium.guardrail.domain.admission.Denial;
import dev.atrium.guardrail.domain.budget.ApplicableBudget;
import dev.atrium.guardrail.domain.budget.CreditState;
import dev.atrium.guardrail.domain.budget.Hold;
import dev.atrium.guardrail.domain.budget.Reservation;
import dev.atrium.guardrail.domain.budget.SpendCounter;
import dev.atrium.guardrail.domain.content.ContentScan;
import dev.atrium.guardrail.domain.content.ScanResult;
import dev.atrium.guardrail.domain.named.AppliedGuardrail;
import dev.atrium.guardrail.domain.policy.AllowList;
import dev.atrium.guardrail.domain.policy.EffectivePolicy;
import dev.atrium.guardrail.domain.policy.PolicyCheck;
import dev.atrium.guardrail.domain.price.WorstCase;
import dev.atrium.guardrail.domain.rate.ApplicableRateLimit;
import dev.atrium.guardrail.domain.rate.RateCounter;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The gateway's check: policy (403), content filters (403), then rate limits (429), budgets and
 * credits (402) under row locks, and the worst case is held with the locks, so several instances
 * sharing the database never admit more than fits. Credits fail closed: an organization whose balance
 * is not known has none. A dry run judges the same rows as they stand and writes nothing. The request is counted against its rate limits
 * as they are locked; the locks, counts and hold commit together, without waiting for the disk, and
 * a check then refused takes its counts and hold back (docs/adr/0004-reservation-write-path.md). No
 * transaction spans the check: its reads are kept or read on their own.
 */
@ApplicationScoped
public class CheckService implements CheckPolicyUseCase {

    private final LevelPolicies levels;
    private final AdmissionLocks locks;
    private final PriceService prices;
    private final GuardrailConfig config;
    private final Clock clock;

    public CheckService(LevelPolicies levels, AdmissionLocks locks, PriceService prices,
            GuardrailConfig config, Clock clock) {
        this.levels = levels;
        this.locks = locks;
        this.prices = prices;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public CheckResult check(CheckCommand command) {
        Instant now = clock.instant();
        KnownKey key = levels.key(command.keyId());
        String owner = command.ownerUserId() != null ? command.ownerUserId() : key == null ? null : key.ownerUserId();
        var stored = levels.stored(command.organizationId(), command.workspaceId(), owner, command.keyId());
        var guardrails = levels.applied(command.organizationId(), command.workspaceId(), owner, command.keyId());
        EffectivePolicy policy = levels.merge(stored, guardrails);
        String revision = policy.policyRevision();
        Optional<String> policyDenial = PolicyCheck.denial(policy, command.models(), command.maxTokens());
        if (policyDenial.isPresent()) {
            return CheckResult.deny(403, policyDenial.get(), revision);
        }
        ScanResult scan = ContentScan.scan(policy.contentFilters(), command.text());
        if (scan.blocked().isPresent()) {
            return CheckResult.deny(403, scan.blockMessage("Request", policy), revision);
        }
        if (command.models().isEmpty()) {
            // Nothing to generate (the gateway's model list asks this way): constraints only, nothing held or counted.
            return allowed(policy, null, scan, null);
        }

        List<ApplicableBudget> budgets = new ArrayList<>(ApplicableBudget.of(stored, key));
        budgets.addAll(AppliedGuardrail.budgets(guardrails, command.workspaceId(), owner, command.keyId()));
        List<ApplicableRateLimit> rateLimits = ApplicableRateLimit.of(stored);
        WorstCase bound = worstCase(command);
        BigDecimal worstCase = bound.amount();
        if (worstCase == null) {
            // Nothing can be held for a request that cannot be priced: admitting it would spend credit and budgets
            // unchecked (its hold would be zero), so it waits until routing's catalogue names a price.
            return CheckResult.deny(503, unpriced(command.models()), revision);
        }
        long tokens = command.estimatedPromptTokens()
                + (command.maxTokens() == null ? 0 : (long) command.maxTokens() * command.choices());
        var request = new Admission.Request(now, rateLimits, tokens, budgets, worstCase);

        TreeSet<RateCounter> rateCounters = new TreeSet<>();
        rateLimits.forEach(l -> rateCounters.add(RateCounter.of(l.scope(), now)));
        TreeSet<SpendCounter> counters = new TreeSet<>();
        budgets.forEach(b -> counters.add(b.counter(now)));
        // Credits fail closed: every request with a model meets its organization's credit, a balance of zero
        // until one is known.
        String creditOrganization = command.organizationId();
        if (command.dryRun()) {
            return dryRun(request, new AdmissionLocks.Request(true, rateCounters, tokens, counters, creditOrganization),
                    policy, scan, bound);
        }
        // Counted and held with the lock, before the rows are judged, and committed: a refusal below takes the
        // counts and the hold back. A crash may lose the last moments of holds and counts unless reservations are
        // durable: bounded, see ADR 0004.
        // The hold names its holder, so the gateway instance's next life gives it back if this one crashes.
        Reservation hold = new Reservation(command.reservationId() != null ? command.reservationId()
                : "res_" + UUID.randomUUID().toString().replace("-", ""), command.organizationId(),
                counters.stream().map(c -> new Hold(c, worstCase)).toList(), worstCase, now,
                now.plus(config.reservationTtl()), command.holder());
        var admission = new AdmissionLocks.Request(!config.durableReservations(), rateCounters, tokens, counters,
                creditOrganization, hold);
        AdmissionLocks.Locked locked = locks.lock(admission);
        Optional<Denial> denial;
        try {
            denial = judge(request, locked, worstCase);
        } catch (RuntimeException e) {
            // Committed with the locks, so taken back here, as a refusal's are: nothing was admitted.
            try {
                locks.refuse(admission, locked);
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        if (denial.isPresent()) {
            locks.refuse(admission, locked);
            Denial d = denial.get();
            return d.retryAfterSeconds() != null ? CheckResult.rateLimited(d.message(), d.retryAfterSeconds(), revision)
                    : CheckResult.deny(d.status(), d.message(), revision);
        }
        return allowed(policy, hold, scan, bound);
    }

    private Optional<Denial> judge(Admission.Request request, AdmissionLocks.Locked locked, BigDecimal worstCase) {
        Optional<Denial> denial = Admission.evaluate(request, locked.rates(), locked.counters(), known(locked));
        if (denial.isEmpty() && !locked.held()) {
            // Other checks held the organization's credit since it was read.
            return Optional.of(Denial.budget(CreditState.shortMessage(worstCase)));
        }
        return denial;
    }

    /**
     * The same rules against the counters as they stand: read without locks, nothing counted, held or written,
     * and no reservation (explain). Checks in flight may change the rows before a real request comes.
     */
    private CheckResult dryRun(Admission.Request request, AdmissionLocks.Request rows, EffectivePolicy policy,
            ScanResult scan, WorstCase bound) {
        AdmissionLocks.Locked asTheyStand = locks.peek(rows);
        Optional<Denial> denial = Admission.evaluate(request, asTheyStand.rates(), asTheyStand.counters(),
                known(asTheyStand));
        if (denial.isPresent()) {
            Denial d = denial.get();
            return d.retryAfterSeconds() != null
                    ? CheckResult.rateLimited(d.message(), d.retryAfterSeconds(), policy.policyRevision())
                    : CheckResult.deny(d.status(), d.message(), policy.policyRevision());
        }
        return allowed(policy, null, scan, bound);
    }

    private static CreditState known(AdmissionLocks.Locked locked) {
        return locked.credit() == null ? CreditState.NONE : locked.credit();
    }

    /** @param bound null for a check that generates nothing (the model list's) */
    private static CheckResult allowed(EffectivePolicy policy, Reservation hold, ScanResult scan, WorstCase bound) {
        return new CheckResult(true, 200, null, constraints(policy), hold == null ? null : hold.id(),
                policy.policyRevision(), null,
                scan.redactions().stream().map(r -> new Redaction(r.filter(), r.start(), r.end(), r.replacement()))
                        .toList(), scan.flags(),
                bound == null ? null : (int) Math.min(Integer.MAX_VALUE, bound.completionTokens()),
                hold == null ? null : hold.amount());
    }

    static String unpriced(List<String> models) {
        return "The prices of " + String.join(", ", models)
                + " are not known yet, so the request cannot be priced against budgets and credits; try again shortly.";
    }

    private WorstCase worstCase(CheckCommand command) {
        return WorstCase.of(prices.highest(command.models()), command.estimatedPromptTokens(), command.maxTokens(),
                command.choices(), config.defaultMaxCompletionTokens());
    }

    /** An allowed request never carries an allow-list that allows nothing, so empty means unrestricted here. */
    private static Constraints constraints(EffectivePolicy p) {
        return new Constraints(patterns(p.allowedModels()), p.ignoredModels(), patterns(p.allowedProviders()),
                p.ignoredProviders(), p.requiresZdr(), p.deniesDataCollection(), p.maxTokens(),
                patterns(p.allowedDataRegions()));
    }

    private static List<String> patterns(AllowList list) {
        return list.restricted() ? list.patterns() : List.of();
    }
}
