package dev.atrium.workspace.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

@Entity
@Table(name = "byok_credential")
@IdClass(ByokCredentialEntity.Key.class)
class ByokCredentialEntity extends PanacheEntityBase {

    @Id
    @Column(name = "workspace_id")
    public String workspaceId;
    @Id
    public String provider;
    @Column(name = "master_key_id")
    public String masterKeyId;
    public String ciphertext;
    public String last4;
    @Column(name = "is_fallback")
    public boolean isFallback;
    @Column(name = "allowed_models")
    public String allowedModels;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The composite primary key, as Hibernate's @IdClass wants it. */
    public static class Key implements Serializable {
        public String workspaceId;
        public String provider;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(workspaceId, k.workspaceId)
                    && Objects.equals(provider, k.provider);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workspaceId, provider);
        }
    }
}
