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
@Table(name = "preset_version")
@IdClass(PresetVersionEntity.Key.class)
class PresetVersionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "workspace_id")
    public String workspaceId;
    @Id
    public String slug;
    @Id
    public int version;
    @Column(name = "system_prompt")
    public String systemPrompt;
    public String model;
    public String parameters;
    @Column(name = "locked_parameters")
    public String lockedParameters;
    public String provider;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    /** The composite primary key, as Hibernate's @IdClass wants it. */
    public static class Key implements Serializable {
        public String workspaceId;
        public String slug;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(workspaceId, k.workspaceId)
                    && Objects.equals(slug, k.slug)
                    && Objects.equals(version, k.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workspaceId, slug, version);
        }
    }
}
