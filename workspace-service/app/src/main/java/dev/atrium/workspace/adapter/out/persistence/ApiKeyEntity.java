package dev.atrium.workspace.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
@Table(name = "api_key")
class ApiKeyEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "workspace_id")
    public String workspaceId;
    @Column(name = "organization_id")
    public String organizationId;
    public String name;
    public String prefix;
    public String last4;
    @Column(name = "key_hash")
    public String keyHash;
    @Column(name = "owner_user_id")
    public String ownerUserId;
    @Column(name = "spend_limit")
    public BigDecimal spendLimit;
    @Column(name = "limit_reset")
    public String limitReset;
    @Column(name = "include_byok_in_limit")
    public boolean includeByokInLimit;
    @Column(name = "expires_at")
    public Instant expiresAt;
    public boolean disabled;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "previous_key_hash")
    public String previousKeyHash;
    @Column(name = "previous_valid_until")
    public Instant previousValidUntil;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "owner_removed_at")
    public Instant ownerRemovedAt;
}
