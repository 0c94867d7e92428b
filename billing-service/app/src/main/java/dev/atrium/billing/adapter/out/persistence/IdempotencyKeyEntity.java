package dev.atrium.billing.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "idempotency_key")
class IdempotencyKeyEntity extends PanacheEntityBase {

    @Id
    @Column(name = "idempotency_key")
    public String key;
    public String fingerprint;
    @Column(name = "response_status")
    public Integer responseStatus;
    @Column(name = "response_body")
    public String responseBody;
    @Column(name = "created_at")
    public Instant createdAt;
}
