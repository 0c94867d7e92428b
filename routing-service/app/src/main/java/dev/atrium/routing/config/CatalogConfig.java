package dev.atrium.routing.config;

import dev.atrium.routing.domain.BaseUrlTemplate;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "atrium.catalog")
public interface CatalogConfig {

    /**
     * Local use: every provider's base URL becomes this template with {@code {provider}} replaced by
     * the provider id (e.g. {@code http://127.0.0.1:8090/p/{provider}}), and the simulator's
     * providers join the catalogue. Absent in production.
     */
    Optional<String> providerBaseUrlTemplate();

    /** How long route plans reuse one read of the catalogue and the live statistics. */
    @WithDefault("5s")
    Duration snapshotTtl();

    /**
     * How long the gateway may answer an identical plan request from a plan it was given (drawing its
     * load-balanced runs anew) instead of asking again; 0 to have every request planned here. Small beside
     * the snapshot's own staleness.
     */
    @WithDefault("1s")
    Duration planReuse();

    class Producer {

        @Produces
        @Singleton
        BaseUrlTemplate baseUrlTemplate(CatalogConfig config) {
            return new BaseUrlTemplate(config.providerBaseUrlTemplate().orElse(null));
        }
    }
}
