package dev.atrium.routing.application.port.out;

import dev.atrium.routing.domain.CatalogSeed;
import java.time.Instant;

/** Where catalogue files are applied, once per name and version. */
public interface CatalogSeedStore {

    /** Records the seed as applied; false when it already was (another start or instance got there first). */
    boolean claim(String name, int version, Instant at);

    /** Inserts or overwrites the seed's providers, models and endpoints. */
    void save(CatalogSeed seed);
}
