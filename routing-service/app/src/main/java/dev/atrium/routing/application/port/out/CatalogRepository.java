package dev.atrium.routing.application.port.out;

import dev.atrium.routing.domain.Catalog;

/** The stored catalogue, with the base URLs as stored (the local override applies later). */
public interface CatalogRepository {

    Catalog load();
}
