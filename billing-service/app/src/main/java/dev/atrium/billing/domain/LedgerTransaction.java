package dev.atrium.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A balanced set of postings on one organization's accounts: its debits equal its credits, or it
 * cannot be built.
 *
 * @param reference what caused it: the credit id or the generation id
 */
public record LedgerTransaction(String id, String organizationId, TransactionKind kind, String reference,
        List<Posting> postings, Instant createdAt) {

    public LedgerTransaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(createdAt, "createdAt");
        postings = List.copyOf(postings);
        if (postings.size() < 2) {
            throw new IllegalArgumentException("a transaction needs at least two postings");
        }
        BigDecimal debits = total(postings, Direction.DEBIT);
        BigDecimal credits = total(postings, Direction.CREDIT);
        if (debits.compareTo(credits) != 0) {
            throw new IllegalArgumentException("unbalanced transaction: debits " + debits.toPlainString()
                    + " != credits " + credits.toPlainString());
        }
    }

    /** A generation's cost moves from the organization's credits to usage revenue. */
    public static LedgerTransaction usage(String id, String organizationId, String generationId, BigDecimal cost,
            Instant at) {
        return new LedgerTransaction(id, organizationId, TransactionKind.USAGE, generationId,
                List.of(Posting.debit(AccountType.CREDITS, cost), Posting.credit(AccountType.USAGE_REVENUE, cost)), at);
    }

    /**
     * What a generation costs the organization: its cost to usage revenue, or for a BYOK generation
     * its fee to BYOK fees. The charge must be positive (a free generation moves no money).
     */
    public static LedgerTransaction charge(String id, Generation generation, Instant at) {
        BigDecimal amount = generation.charge();
        AccountType revenue = generation.chargeKind() == TransactionKind.BYOK_FEE ? AccountType.BYOK_FEES
                : AccountType.USAGE_REVENUE;
        return new LedgerTransaction(id, generation.organizationId(), generation.chargeKind(), generation.id(),
                List.of(Posting.debit(AccountType.CREDITS, amount), Posting.credit(revenue, amount)), at);
    }

    /** Credits added to the organization, funded by its top-up or grant account. */
    public static LedgerTransaction credit(String id, Credit credit) {
        return new LedgerTransaction(id, credit.organizationId(), credit.kind().transactionKind(), credit.id(),
                List.of(Posting.debit(credit.kind().source(), credit.amount()),
                        Posting.credit(AccountType.CREDITS, credit.amount())),
                credit.createdAt());
    }

    public BigDecimal debits() {
        return total(postings, Direction.DEBIT);
    }

    public BigDecimal credits() {
        return total(postings, Direction.CREDIT);
    }

    /** The net change of each account it touches, in a fixed account order (so locks are taken in order). */
    public Map<AccountType, BigDecimal> effects() {
        Map<AccountType, BigDecimal> effects = new EnumMap<>(AccountType.class);
        for (Posting p : postings) {
            effects.merge(p.account(), p.effect(), BigDecimal::add);
        }
        return effects;
    }

    private static BigDecimal total(List<Posting> postings, Direction side) {
        return postings.stream().filter(p -> p.direction() == side).map(Posting::amount)
                .reduce(Money.ZERO, BigDecimal::add);
    }
}
