package dev.atrium.routing.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "workspace")
class WorkspaceEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "organization_id")
    public String organizationId;
    public boolean archived;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
