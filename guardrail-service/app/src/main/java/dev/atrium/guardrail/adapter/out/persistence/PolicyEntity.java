package dev.atrium.guardrail.adapter.out.persistence;

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
@Table(name = "policy")
@IdClass(PolicyEntity.Key.class)
class PolicyEntity extends PanacheEntityBase {

    @Id
    public String level;
    @Id
    @Column(name = "scope_id")
    public String scopeId;
    public String document;
    public long revision;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    static class Key implements Serializable {

        public String level;
        public String scopeId;

        Key() {
        }

        Key(String level, String scopeId) {
            this.level = level;
            this.scopeId = scopeId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(level, k.level) && Objects.equals(scopeId, k.scopeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(level, scopeId);
        }
    }
}
