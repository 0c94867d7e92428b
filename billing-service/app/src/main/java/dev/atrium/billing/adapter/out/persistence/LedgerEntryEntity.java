package dev.atrium.billing.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
@Table(name = "ledger_entry")
class LedgerEntryEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "transaction_id")
    public String transactionId;
    @Column(name = "account_id")
    public Long accountId;
    @Column(name = "organization_id")
    public String organizationId;
    @Column(name = "account_type")
    public String accountType;
    public String direction;
    public BigDecimal amount;
    @Column(name = "created_at")
    public Instant createdAt;
}
