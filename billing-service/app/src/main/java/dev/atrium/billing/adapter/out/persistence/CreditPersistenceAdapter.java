package dev.atrium.billing.adapter.out.persistence;

import dev.atrium.billing.application.port.out.CreditRepository;
import dev.atrium.billing.domain.Credit;
import dev.atrium.billing.domain.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;

@ApplicationScoped
class CreditPersistenceAdapter implements CreditRepository {

    private final EntityManager em;

    CreditPersistenceAdapter(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Credit credit) {
        CreditEntity e = new CreditEntity();
        e.id = credit.id();
        e.organizationId = credit.organizationId();
        e.amount = credit.amount();
        e.currency = Money.CURRENCY;
        e.kind = credit.kind().wire();
        e.note = credit.note();
        e.createdBy = credit.createdBy();
        e.createdAt = credit.createdAt();
        e.persist();
    }

    @Override
    public BigDecimal totalAdded(String organizationId) {
        Object sum = em.createNativeQuery("SELECT COALESCE(SUM(amount), 0) FROM credit WHERE organization_id = :org")
                .setParameter("org", organizationId).getSingleResult();
        return Money.of(new BigDecimal(sum.toString()));
    }
}
