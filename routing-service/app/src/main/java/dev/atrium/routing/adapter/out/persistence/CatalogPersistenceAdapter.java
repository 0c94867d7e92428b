package dev.atrium.routing.adapter.out.persistence;

import dev.atrium.routing.api.DataPolicy;
import dev.atrium.routing.api.Price;
import dev.atrium.routing.application.port.out.CatalogRepository;
import dev.atrium.routing.application.port.out.CatalogSeedStore;
import dev.atrium.routing.application.port.out.CatalogWriter;
import dev.atrium.routing.domain.Capabilities;
import dev.atrium.routing.domain.Catalog;
import dev.atrium.routing.domain.CatalogSeed;
import dev.atrium.routing.domain.Endpoint;
import dev.atrium.routing.domain.Model;
import dev.atrium.routing.domain.Protocol;
import dev.atrium.routing.domain.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
class CatalogPersistenceAdapter implements CatalogRepository, CatalogSeedStore, CatalogWriter {

    private final EntityManager em;
    private final Clock clock;

    CatalogPersistenceAdapter(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public Catalog load() {
        List<Provider> providers = ProviderEntity.<ProviderEntity>listAll().stream()
                .map(CatalogPersistenceAdapter::toDomain).toList();
        List<Model> models = ModelEntity.<ModelEntity>listAll().stream()
                .map(CatalogPersistenceAdapter::toDomain).toList();
        List<Endpoint> endpoints = EndpointEntity.<EndpointEntity>listAll().stream()
                .map(CatalogPersistenceAdapter::toDomain).toList();
        return Catalog.of(providers, models, endpoints);
    }

    @Override
    public boolean claim(String name, int version, Instant at) {
        // The primary key makes a second instance wait for the first and then find the row taken.
        return em.createNativeQuery("INSERT INTO catalog_seed (name, version, applied_at) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT (name, version) DO NOTHING")
                .setParameter(1, name).setParameter(2, version).setParameter(3, Timestamp.from(at))
                .executeUpdate() == 1;
    }

    @Override
    public void save(CatalogSeed seed) {
        Instant now = clock.instant();
        seed.providers().forEach(p -> save(p, now));
        seed.models().forEach(m -> save(m, now));
        em.flush();
        seed.endpoints().forEach(e -> save(e, now));
    }

    @Override
    public void saveProvider(Provider provider) {
        save(provider, clock.instant());
    }

    @Override
    public void saveModel(Model model) {
        save(model, clock.instant());
    }

    @Override
    public void saveEndpoint(Endpoint endpoint) {
        save(endpoint, clock.instant());
    }

    @Override
    public boolean removeEndpoint(String modelId, String providerId) {
        return EndpointEntity.deleteById(new EndpointEntity.Key(modelId, providerId));
    }

    private static void save(Provider p, Instant now) {
        ProviderEntity e = ProviderEntity.<ProviderEntity>findByIdOptional(p.id()).orElseGet(ProviderEntity::new);
        e.id = p.id();
        e.name = p.name();
        e.baseUrl = p.baseUrl();
        e.protocol = p.protocol().wire();
        e.zdr = p.dataPolicy().zdr();
        e.retainsPrompts = p.dataPolicy().retainsPrompts();
        e.trainsOnData = p.dataPolicy().trainsOnData();
        e.region = p.region();
        e.dataRegion = p.dataRegion();
        e.updatedAt = now;
        e.persist();
    }

    private static void save(Model m, Instant now) {
        ModelEntity e = ModelEntity.<ModelEntity>findByIdOptional(m.id()).orElseGet(ModelEntity::new);
        e.id = m.id();
        e.name = m.name();
        e.contextLength = m.contextLength();
        e.tools = m.capabilities().tools();
        e.jsonMode = m.capabilities().jsonMode();
        e.vision = m.capabilities().vision();
        e.streaming = m.capabilities().streaming();
        e.updatedAt = now;
        e.persist();
    }

    private static void save(Endpoint endpoint, Instant now) {
        EndpointEntity e = EndpointEntity.<EndpointEntity>findByIdOptional(
                new EndpointEntity.Key(endpoint.modelId(), endpoint.providerId())).orElseGet(EndpointEntity::new);
        e.modelId = endpoint.modelId();
        e.providerId = endpoint.providerId();
        e.upstreamModel = endpoint.upstreamModel();
        e.promptPrice = endpoint.price().prompt();
        e.completionPrice = endpoint.price().completion();
        e.quantization = endpoint.quantization();
        e.contextLength = endpoint.contextLength();
        e.maxCompletionTokens = endpoint.maxCompletionTokens();
        e.updatedAt = now;
        e.persist();
    }

    private static Provider toDomain(ProviderEntity e) {
        return new Provider(e.id, e.name, e.baseUrl, Protocol.parse(e.protocol),
                new DataPolicy(e.zdr, e.retainsPrompts, e.trainsOnData), e.region, e.dataRegion);
    }

    private static Model toDomain(ModelEntity e) {
        return new Model(e.id, e.name, e.contextLength, new Capabilities(e.tools, e.jsonMode, e.vision, e.streaming));
    }

    private static Endpoint toDomain(EndpointEntity e) {
        return new Endpoint(e.modelId, e.providerId, e.upstreamModel, new Price(exact(e.promptPrice),
                exact(e.completionPrice)), e.quantization, e.contextLength, e.maxCompletionTokens);
    }

    /** The column's padding zeros dropped, so 0.15 per million reads back as 0.00000015. */
    private static BigDecimal exact(BigDecimal stored) {
        return stored.signum() == 0 ? BigDecimal.ZERO : stored.stripTrailingZeros();
    }
}
