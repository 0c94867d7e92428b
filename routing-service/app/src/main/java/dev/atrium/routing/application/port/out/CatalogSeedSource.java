package dev.atrium.routing.application.port.out;

import dev.atrium.routing.domain.CatalogSeed;

/** The versioned catalogue files shipped with the service. */
public interface CatalogSeedSource {

    /** The real providers and models at their public prices. */
    CatalogSeed catalog();

    /** The provider simulator's extra providers, sharing the catalogue's models. */
    CatalogSeed localProviders();
}
