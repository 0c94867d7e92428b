package dev.atrium.routing.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "provider")
class ProviderEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    @Column(name = "base_url")
    public String baseUrl;
    public String protocol;
    public boolean zdr;
    @Column(name = "retains_prompts")
    public boolean retainsPrompts;
    @Column(name = "trains_on_data")
    public boolean trainsOnData;
    public String region;
    @Column(name = "data_region")
    public String dataRegion;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
