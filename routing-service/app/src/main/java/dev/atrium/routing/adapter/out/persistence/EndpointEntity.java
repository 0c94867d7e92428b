package dev.atrium.routing.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** Prices per token, as every API carries them (per million only in the catalogue files). */
@Entity
@Table(name = "endpoint")
@IdClass(EndpointEntity.Key.class)
class EndpointEntity extends PanacheEntityBase {

    @Id
    @Column(name = "model_id")
    public String modelId;
    @Id
    @Column(name = "provider_id")
    public String providerId;
    @Column(name = "upstream_model")
    public String upstreamModel;
    @Column(name = "prompt_price")
    public BigDecimal promptPrice;
    @Column(name = "completion_price")
    public BigDecimal completionPrice;
    public String quantization;
    @Column(name = "context_length")
    public Integer contextLength;
    @Column(name = "max_completion_tokens")
    public Integer maxCompletionTokens;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static class Key implements Serializable {

        public String modelId;
        public String providerId;

        public Key() {
        }

        Key(String modelId, String providerId) {
            this.modelId = modelId;
            this.providerId = providerId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(modelId, k.modelId) && Objects.equals(providerId, k.providerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(modelId, providerId);
        }
    }
}
