package dev.atrium.routing.domain;

import java.util.List;

/** The content of one versioned catalogue file, applied once per name and version. */
public record CatalogSeed(String name, int version, List<Provider> providers, List<Model> models,
        List<Endpoint> endpoints) {

    public CatalogSeed {
        Ids.requireText("seed name", name);
        if (version <= 0) {
            throw new IllegalArgumentException("seed version must be positive");
        }
        providers = List.copyOf(providers);
        models = List.copyOf(models);
        endpoints = List.copyOf(endpoints);
    }

    public String label() {
        return name + " v" + version;
    }
}
