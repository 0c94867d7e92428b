package dev.atrium.guardrail.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "api_key")
class ApiKeyEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "workspace_id")
    public String workspaceId;
    @Column(name = "organization_id")
    public String organizationId;
    @Column(name = "owner_user_id")
    public String ownerUserId;
    @Column(name = "spend_limit")
    public BigDecimal spendLimit;
    @Column(name = "limit_reset")
    public String limitReset;
    @Column(name = "include_byok_in_limit")
    public boolean includeByokInLimit;
}
