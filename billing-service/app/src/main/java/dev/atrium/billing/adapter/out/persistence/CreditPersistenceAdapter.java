package dev.atrium.billing.adapter.out.persistence;

import dev.atrium.billing.application.port.out.CreditRepository;
import dev.atrium.billing.domain.Credit;
import dev.atrium.billing.domain.Money;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class CreditPersistenceAdapter implements CreditRepository {

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
}
