package dev.atrium.workspace.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "workspace_settings")
class WorkspaceSettingsEntity extends PanacheEntityBase {

    @Id
    @Column(name = "workspace_id")
    public String workspaceId;
    public String plugins;
    public String observability;
}
