package dev.atrium.routing.application.port.in;

import java.util.List;

public interface SeedCatalogUseCase {

    /** Applies the catalogue files not applied before; the labels of those it applied. */
    List<String> seed();
}
