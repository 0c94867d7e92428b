package dev.atrium.routing.adapter.in.startup;

import dev.atrium.routing.application.port.in.SeedCatalogUseCase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Seeds the catalogue when the service starts. */
@ApplicationScoped
class CatalogSeeder {

    private static final Logger LOG = Logger.getLogger(CatalogSeeder.class);

    private final SeedCatalogUseCase seedCatalog;

    CatalogSeeder(SeedCatalogUseCase seedCatalog) {
        this.seedCatalog = seedCatalog;
    }

    void onStart(@Observes StartupEvent event) {
        var applied = seedCatalog.seed();
        LOG.infof(applied.isEmpty() ? "Catalogue already seeded" : "Catalogue seeded from %s", applied);
    }
}
