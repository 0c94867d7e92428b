package dev.atrium.billing.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
@Table(name = "generation")
class GenerationEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "organization_id")
    public String organizationId;
    @Column(name = "workspace_id")
    public String workspaceId;
    @Column(name = "key_id")
    public String keyId;
    @Column(name = "owner_user_id")
    public String ownerUserId;
    public String model;
    public String provider;
    @Column(name = "tokens_prompt")
    public long tokensPrompt;
    @Column(name = "tokens_completion")
    public long tokensCompletion;
    public BigDecimal cost;
    public boolean byok;
    @Column(name = "byok_fee")
    public BigDecimal byokFee;
    @Column(name = "latency_ms")
    public long latencyMs;
    @Column(name = "policy_revision")
    public String policyRevision;
    @Column(name = "created_at")
    public Instant createdAt;
}
