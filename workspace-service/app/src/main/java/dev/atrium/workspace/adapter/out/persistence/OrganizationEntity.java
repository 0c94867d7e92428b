package dev.atrium.workspace.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "organization")
class OrganizationEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String slug;
    @Column(name = "created_at")
    public Instant createdAt;
}
