package dev.atrium.routing.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "model")
class ModelEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    @Column(name = "context_length")
    public int contextLength;
    public boolean tools;
    @Column(name = "json_mode")
    public boolean jsonMode;
    public boolean vision;
    public boolean streaming;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
