package dev.atrium.guardrail.application.service;

import dev.atrium.guardrail.application.port.out.AdmissionLocks;
import dev.atrium.guardrail.application.port.out.BudgetLedger;
import dev.atrium.guardrail.application.port.out.CatalogSource;
import dev.atrium.guardrail.application.port.out.PriceView;
import dev.atrium.guardrail.application.port.out.RateCounters;
import dev.atrium.guardrail.config.GuardrailConfig;
import dev.atrium.guardrail.domain.budget.CounterState;
import dev.atrium.guardrail.domain.budget.CreditState;
import dev.atrium.guardrail.domain.budget.Hold;
import dev.atrium.guardrail.domain.budget.Holder;
import dev.atrium.guardrail.domain.budget.Reservation;
import dev.atrium.guardrail.domain.budget.SpendCharge;
import dev.atrium.guardrail.domain.budget.SpendCounter;
import dev.atrium.guardrail.domain.price.EndpointPrice;
import dev.atrium.guardrail.domain.price.ModelPrice;
import dev.atrium.guardrail.domain.rate.RateCounter;
import dev.atrium.guardrail.domain.rate.RateState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * In-memory fakes of the ledger, rate counters, admission locks, price view and routing's catalogue,
 * for use-case tests.
 */
class InMemoryLedger implements BudgetLedger, RateCounters, AdmissionLocks, PriceView, CatalogSource {

    final Map<SpendCounter, CounterState> counters = new HashMap<>();
    final Map<String, CreditState> credits = new HashMap<>();
    final Map<String, Long> creditRevisions = new HashMap<>();
    final Map<String, Reservation> reservations = new LinkedHashMap<>();
    int relaxedCommits;
    int peeks;
    /** Runs as a hold starts: what other checks do between this check's read and its hold. */
    Runnable beforeHold = () -> { };
    final Map<RateCounter, RateState> rates = new HashMap<>();
    final Map<String, EndpointPrice> prices = new LinkedHashMap<>();
    final Map<String, List<EndpointPrice>> catalogue = new HashMap<>();
    final List<String> catalogueAsked = new ArrayList<>();

    static GuardrailConfig config(int defaultMaxTokens) {
        return config(defaultMaxTokens, false);
    }

    static GuardrailConfig config(int defaultMaxTokens, boolean durable) {
        return new GuardrailConfig() {
            @Override
            public String routingUrl() {
                return "http://routing.invalid";
            }

            @Override
            public Duration reservationTtl() {
                return Duration.ofMinutes(10);
            }

            @Override
            public String reservationSweepEvery() {
                return "30s";
            }

            @Override
            public String reconciliationEvery() {
                return "30s";
            }

            @Override
            public int defaultMaxCompletionTokens() {
                return defaultMaxTokens;
            }

            @Override
            public boolean durableReservations() {
                return durable;
            }
        };
    }

    void price(String model, String provider, String prompt, String completion, Integer maxCompletion) {
        save(new EndpointPrice(model, provider, new BigDecimal(prompt), new BigDecimal(completion), maxCompletion));
    }

    CounterState state(SpendCounter counter) {
        return counters.getOrDefault(counter, CounterState.EMPTY);
    }

    /** Counts the transactions that asked to commit without waiting for the disk in {@link #relaxedCommits}. */
    @Override
    public Locked lock(Request request) {
        if (request.commitWithoutWaitingForDisk()) {
            relaxedCommits++;
        }
        Map<RateCounter, RateState> rateStates = new HashMap<>();
        request.rates().forEach(c -> {
            rateStates.put(c, window(c));
            RateState s = rates.getOrDefault(c, RateState.EMPTY);
            rates.put(c, new RateState(s.requests() + 1, s.tokens() + request.tokens()));
        });
        Map<SpendCounter, CounterState> states = new HashMap<>();
        request.counters().forEach(c -> states.put(c, counters.computeIfAbsent(c, k -> CounterState.EMPTY)));
        String organization = request.creditOrganizationId();
        CreditState credit = organization == null ? null : credits.get(organization);
        boolean held = request.hold() == null || hold(request.hold());
        return new Locked(rateStates, states, credit, held);
    }

    /** What the window ending with bucket {@code current} holds, as admission_lock sums it. */
    private RateState window(RateCounter current) {
        long requests = 0;
        long tokens = 0;
        java.time.Instant oldest = null;
        for (Map.Entry<RateCounter, RateState> e : rates.entrySet()) {
            if (e.getKey().countsFor(current) && (e.getValue().requests() > 0 || e.getValue().tokens() > 0)) {
                requests += e.getValue().requests();
                tokens += e.getValue().tokens();
                oldest = oldest == null || e.getKey().bucketStart().isBefore(oldest) ? e.getKey().bucketStart() : oldest;
            }
        }
        return new RateState(requests, tokens, oldest);
    }

    @Override
    public Map<SpendCounter, CounterState> read(Collection<SpendCounter> wanted) {
        Map<SpendCounter, CounterState> states = new HashMap<>();
        wanted.stream().filter(counters::containsKey).forEach(c -> states.put(c, counters.get(c)));
        return states;
    }

    @Override
    public boolean openCredit(String organizationId) {
        if (credits.containsKey(organizationId)) {
            return false;
        }
        creditRevisions.put(organizationId, -1L);
        credits.put(organizationId, CreditState.NONE);
        return true;
    }

    /** Reads as {@link #lock} does, changing nothing; counts the calls in {@link #peeks}. */
    @Override
    public Locked peek(Request request) {
        peeks++;
        Map<RateCounter, RateState> rateStates = new HashMap<>();
        request.rates().stream().filter(c -> window(c).oldest() != null).forEach(c -> rateStates.put(c, window(c)));
        String organization = request.creditOrganizationId();
        return new Locked(rateStates, read(request.counters()), organization == null ? null : credits.get(organization),
                true);
    }

    @Override
    public boolean updateBalance(String organizationId, BigDecimal balance, long revision) {
        if (creditRevisions.getOrDefault(organizationId, -1L) >= revision) {
            return false;
        }
        creditRevisions.put(organizationId, revision);
        CreditState old = credits.get(organizationId);
        credits.put(organizationId, new CreditState(balance, old == null ? BigDecimal.ZERO : old.reserved()));
        return true;
    }

    /**
     * As the database's hold: nothing is written when the credit no longer covers the credit hold, and
     * an organization with no known balance has none (a hold of zero needs none).
     */
    private boolean hold(Reservation r) {
        beforeHold.run();
        if (r.creditHold() != null && !credits.containsKey(r.organizationId())) {
            if (r.creditHold().signum() > 0) {
                return false;
            }
            r = new Reservation(r.id(), r.organizationId(), r.holds(), null, r.createdAt(), r.expiresAt(), r.holder());
        }
        if (r.creditHold() != null && credits.get(r.organizationId()).shortFor(r.creditHold())) {
            return false;
        }
        reservations.put(r.id(), r);
        for (Hold h : r.holds()) {
            CounterState s = state(h.counter());
            counters.put(h.counter(), new CounterState(s.spent(), s.spentByok(), s.reserved().add(h.amount())));
        }
        if (r.creditHold() != null) {
            CreditState c = credits.get(r.organizationId());
            credits.put(r.organizationId(), new CreditState(c.balance(), c.reserved().add(r.creditHold())));
        }
        return true;
    }

    @Override
    public int settleAll(Collection<String> reservationIds, Map<SpendCounter, SpendCharge> charges) {
        int released = 0;
        for (String id : reservationIds) {
            Reservation r = reservations.remove(id);
            if (r == null) {
                continue;
            }
            released++;
            for (Hold h : r.holds()) {
                CounterState s = state(h.counter());
                counters.put(h.counter(), new CounterState(s.spent(), s.spentByok(),
                        notNegative(s.reserved().subtract(h.amount()))));
            }
            if (r.creditHold() != null) {
                CreditState c = credits.get(r.organizationId());
                credits.put(r.organizationId(), new CreditState(c.balance(),
                        notNegative(c.reserved().subtract(r.creditHold()))));
            }
        }
        charges.forEach((c, charge) -> {
            CounterState s = state(c);
            counters.put(c, new CounterState(s.spent().add(charge.spent()), s.spentByok().add(charge.spentByok()),
                    s.reserved()));
        });
        return released;
    }

    /** As the database's constraints: a give-back of more than was held fails instead of clamping. */
    private static BigDecimal notNegative(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalStateException("A hold would go negative: " + amount.toPlainString());
        }
        return amount;
    }

    @Override
    public List<String> heldInOtherLives(Holder holder, int limit) {
        return reservations.values().stream().filter(holder::outlived).map(Reservation::id).limit(limit).toList();
    }

    @Override
    public List<String> expired(Instant now, int limit) {
        return reservations.values().stream().filter(r -> r.expiresAt().isBefore(now)).map(Reservation::id)
                .limit(limit).toList();
    }

    @Override
    public Optional<CreditState> credit(String organizationId) {
        return Optional.ofNullable(credits.get(organizationId));
    }

    /** As {@code admission_undo} does: the request's count taken off each rate counter, and its hold back. */
    @Override
    public void refuse(Request request, Locked locked) {
        request.rates().forEach(c -> {
            RateState s = rates.get(c);
            rates.put(c, new RateState(s.requests() - 1, s.tokens() - request.tokens()));
        });
        if (request.hold() != null && locked.held()) {
            settleAll(List.of(request.hold().id()), Map.of());
        }
    }

    @Override
    public int forgetBefore(Instant bucketStart) {
        int before = rates.size();
        rates.keySet().removeIf(c -> c.bucketStart().isBefore(bucketStart));
        return before - rates.size();
    }

    @Override
    public List<ModelPrice> highest(Collection<String> models) {
        List<ModelPrice> result = new ArrayList<>();
        for (String model : models) {
            List<EndpointPrice> endpoints = prices.values().stream().filter(e -> e.model().equals(model)).toList();
            if (!endpoints.isEmpty()) {
                result.add(new ModelPrice(model,
                        endpoints.stream().map(EndpointPrice::prompt).max(BigDecimal::compareTo).orElseThrow(),
                        endpoints.stream().map(EndpointPrice::completion).max(BigDecimal::compareTo).orElseThrow(),
                        endpoints.stream().map(EndpointPrice::maxCompletionTokens).filter(Objects::nonNull)
                                .max(Integer::compareTo).orElse(null)));
            }
        }
        return result;
    }

    @Override
    public void save(EndpointPrice endpoint) {
        prices.put(endpoint.model() + "|" + endpoint.provider(), endpoint);
    }

    @Override
    public void remove(String model, String provider) {
        prices.remove(model + "|" + provider);
    }

    @Override
    public List<EndpointPrice> endpoints(String model) {
        catalogueAsked.add(model);
        return catalogue.getOrDefault(model, List.of());
    }
}
