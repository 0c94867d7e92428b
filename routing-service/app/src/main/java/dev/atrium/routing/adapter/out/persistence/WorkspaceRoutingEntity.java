package dev.atrium.routing.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "workspace_routing")
class WorkspaceRoutingEntity extends PanacheEntityBase {

    @Id
    @Column(name = "workspace_id")
    public String workspaceId;
    /** The defaults as JSON, in {@link WorkspacePersistenceAdapter.StoredPreferences}' shape. */
    public String preferences;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
