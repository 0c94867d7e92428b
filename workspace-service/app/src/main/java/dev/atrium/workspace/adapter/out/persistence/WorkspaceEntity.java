package dev.atrium.workspace.adapter.out.persistence;

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
    public String name;
    public String slug;
    @Column(name = "default_text_model")
    public String defaultTextModel;
    @Column(name = "default_provider_sort")
    public String defaultProviderSort;
    public boolean archived;
    @Column(name = "settings_revision")
    public long settingsRevision;
    @Column(name = "created_at")
    public Instant createdAt;
}
