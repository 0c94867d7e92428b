package dev.atrium.billing.adapter.out.persistence;

import dev.atrium.billing.domain.BalanceMove;
import dev.atrium.billing.domain.LedgerTransaction;
import jakarta.enterprise.inject.Vetoed;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real ledger with a fault for one organization's batches, to install with QuarkusMock (a mock
 * must extend the bean's class). {@link #crashingOnce} dies in the middle of the first batch with at
 * least two debits, after writing half of them; {@link #heldUntil} holds the first batch until a
 * latch opens, so records pile up on the topic. Vetoed: it must not become a second ledger bean.
 */
@Vetoed
public final class FaultyLedger extends LedgerPersistenceAdapter {

    public final AtomicInteger crashes = new AtomicInteger();
    public final AtomicInteger postedBeforeCrash = new AtomicInteger();
    private final String organizationId;
    private final CountDownLatch open;

    private FaultyLedger(EntityManager em, String organizationId, CountDownLatch open) {
        super(em);
        this.organizationId = organizationId;
        this.open = open;
    }

    public static FaultyLedger crashingOnce(EntityManager em, String organizationId) {
        return new FaultyLedger(em, organizationId, null);
    }

    public static FaultyLedger heldUntil(EntityManager em, String organizationId, CountDownLatch open) {
        return new FaultyLedger(em, organizationId, open);
    }

    @Override
    public List<BalanceMove> postAll(List<LedgerTransaction> transactions) {
        boolean ours = transactions.stream().anyMatch(t -> t.organizationId().equals(organizationId));
        if (ours && open != null) {
            await();
        } else if (ours && transactions.size() >= 2 && crashes.compareAndSet(0, 1)) {
            List<LedgerTransaction> half = transactions.subList(0, transactions.size() / 2);
            super.postAll(half);
            postedBeforeCrash.set(half.size());
            throw new IllegalStateException("consumer killed mid-batch (injected by the test)");
        }
        return super.postAll(transactions);
    }

    private void await() {
        try {
            if (!open.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the ledger");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
