package dev.atrium.routing.adapter.out.catalogfile;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.routing.api.DataPolicy;
import dev.atrium.routing.api.Price;
import dev.atrium.routing.application.port.out.CatalogSeedSource;
import dev.atrium.routing.domain.Capabilities;
import dev.atrium.routing.domain.CatalogSeed;
import dev.atrium.routing.domain.Endpoint;
import dev.atrium.routing.domain.Model;
import dev.atrium.routing.domain.Protocol;
import dev.atrium.routing.domain.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads the catalogue files shipped in the service's resources. */
@ApplicationScoped
class ClasspathCatalogSeedSource implements CatalogSeedSource {

    static final String CATALOG = "catalog/catalog-v1.json";
    static final String LOCAL_PROVIDERS = "catalog/local-providers.json";

    private final ObjectMapper json;

    ClasspathCatalogSeedSource(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public CatalogSeed catalog() {
        return read(CATALOG);
    }

    @Override
    public CatalogSeed localProviders() {
        return read(LOCAL_PROVIDERS);
    }

    CatalogSeed read(String resource) {
        try (InputStream in = ClasspathCatalogSeedSource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Catalogue file " + resource + " is missing from the build");
            }
            return toSeed(json.readValue(in, CatalogFile.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read catalogue file " + resource, e);
        }
    }

    private static CatalogSeed toSeed(CatalogFile f) {
        return new CatalogSeed(f.name(), f.version(), list(f.providers()).stream().map(p -> new Provider(p.id(),
                        p.name(), p.baseUrl(), Protocol.parse(p.protocol()), new DataPolicy(p.dataPolicy().zdr(),
                        p.dataPolicy().retainsPrompts(), p.dataPolicy().trainsOnData()), p.region(), p.dataRegion())).toList(),
                list(f.models()).stream().map(m -> new Model(m.id(), m.name(), m.contextLength(),
                        new Capabilities(m.capabilities().tools(), m.capabilities().jsonMode(),
                                m.capabilities().vision(), m.capabilities().streaming()))).toList(),
                list(f.endpoints()).stream().map(e -> new Endpoint(e.model(), e.provider(), e.upstreamModel(),
                        Price.perMillion(e.promptPricePerMillion(), e.completionPricePerMillion()), e.quantization(),
                        e.contextLength(), e.maxCompletionTokens())).toList());
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }
}
