package dev.atrium.routing.adapter.out.catalogfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.json.JsonSettings;
import dev.atrium.routing.domain.BaseUrlTemplate;
import dev.atrium.routing.domain.Catalog;
import dev.atrium.routing.domain.CatalogSeed;
import dev.atrium.routing.domain.Endpoint;
import dev.atrium.routing.domain.Model;
import dev.atrium.routing.domain.Protocol;
import dev.atrium.routing.domain.Provider;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped catalogue files, read as the service reads them at start. */
class ClasspathCatalogSeedSourceTest {

    private final ClasspathCatalogSeedSource source = new ClasspathCatalogSeedSource(JsonSettings.apply(new ObjectMapper()));
    private final CatalogSeed catalog = source.catalog();
    private final CatalogSeed local = source.localProviders();

    @Test
    void theCatalogueHoldsWellKnownModelsAtTheirPublicPerMillionPricesAsPerTokenPrices() {
        assertThat(catalog.name()).isEqualTo("catalog");
        assertThat(catalog.version()).isEqualTo(1);
        assertThat(catalog.models()).hasSizeGreaterThanOrEqualTo(12);

        assertPrice(endpoint(catalog, "openai/gpt-4o-mini", "openai"), "0.00000015", "0.0000006");
        assertPrice(endpoint(catalog, "openai/gpt-4o", "openai"), "0.0000025", "0.00001");
        assertPrice(endpoint(catalog, "anthropic/claude-3.5-haiku", "anthropic"), "0.0000008", "0.000004");
        assertPrice(endpoint(catalog, "anthropic/claude-sonnet-4", "anthropic"), "0.000003", "0.000015");
        assertThat(endpoint(catalog, "meta-llama/llama-3.1-8b-instruct", "together").upstreamModel())
                .isEqualTo("meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo");
    }

    @Test
    void perTokenPricesAreExactInPlainNotation() {
        assertThat(endpoint(catalog, "openai/gpt-4o-mini", "openai").price().prompt().toPlainString())
                .isEqualTo("0.00000015");
    }

    @Test
    void gpt4oMiniIsServedByTwoRealProvidersWithoutTheLocalOnes() {
        assertThat(providersOf(catalog, "openai/gpt-4o-mini")).contains("openai", "azure").hasSizeGreaterThanOrEqualTo(2);
        assertThat(providersOf(catalog, "meta-llama/llama-3.1-8b-instruct")).contains("groq", "together", "fireworks");
        assertThat(providersOf(catalog, "meta-llama/llama-3.1-70b-instruct")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void providersKeepTheRealApiRootsWithoutVersionSegment() {
        Map<String, Provider> providers = catalog.providers().stream()
                .collect(Collectors.toMap(Provider::id, p -> p));

        assertThat(providers.get("openai").baseUrl()).isEqualTo("https://api.openai.com");
        assertThat(providers.get("anthropic").baseUrl()).isEqualTo("https://api.anthropic.com");
        assertThat(providers.get("anthropic").protocol()).isEqualTo(Protocol.ANTHROPIC);
        assertThat(providers.get("groq").baseUrl()).isEqualTo("https://api.groq.com/openai");
        assertThat(providers.get("together").baseUrl()).isEqualTo("https://api.together.xyz");
        assertThat(providers.get("fireworks").baseUrl()).isEqualTo("https://api.fireworks.ai/inference");
        assertThat(providers.get("mistral").baseUrl()).isEqualTo("https://api.mistral.ai");
        assertThat(providers.get("deepseek").baseUrl()).isEqualTo("https://api.deepseek.com");
        assertThat(catalog.providers()).allSatisfy(p -> assertThat(p.baseUrl()).doesNotEndWith("/v1").doesNotEndWith("/"));
    }

    @Test
    void withoutTheOverrideTheSeededCatalogueKeepsTheRealBaseUrls() {
        Catalog seeded = BaseUrlTemplate.none().applyTo(asCatalog(catalog));

        assertThat(seeded.provider("openai").baseUrl()).isEqualTo("https://api.openai.com");
    }

    @Test
    void theOverridePointsEveryProviderAtTheTemplate() {
        Catalog seeded = new BaseUrlTemplate("http://127.0.0.1:8090/p/{provider}").applyTo(asCatalog(catalog, local));

        assertThat(seeded.provider("openai").baseUrl()).isEqualTo("http://127.0.0.1:8090/p/openai");
        assertThat(seeded.provider("sim-cheap").baseUrl()).isEqualTo("http://127.0.0.1:8090/p/sim-cheap");
    }

    @Test
    void localProvidersShareRealModelsAndSimCheapIsTheCheapest() {
        assertThat(local.providers()).extracting(Provider::id).containsExactly("sim-fast", "sim-cheap", "sim-flaky");
        Catalog both = asCatalog(catalog, local);
        for (String model : List.of("openai/gpt-4o-mini", "meta-llama/llama-3.1-8b-instruct")) {
            assertThat(providersOf(local, model)).contains("sim-fast", "sim-cheap", "sim-flaky");
            assertThat(both.cheapestEndpointOf(model).orElseThrow().providerId()).isEqualTo("sim-cheap");
        }
    }

    @Test
    void everyEndpointNamesAKnownModelAndProvider() {
        Catalog both = asCatalog(catalog, local);
        List<Endpoint> all = new ArrayList<>(catalog.endpoints());
        all.addAll(local.endpoints());

        assertThat(all).allSatisfy(e -> assertThat(both.endpointsOf(e.modelId())).contains(e));
    }

    private static Catalog asCatalog(CatalogSeed... seeds) {
        List<Provider> providers = new ArrayList<>();
        List<Model> models = new ArrayList<>();
        List<Endpoint> endpoints = new ArrayList<>();
        for (CatalogSeed s : seeds) {
            providers.addAll(s.providers());
            models.addAll(s.models());
            endpoints.addAll(s.endpoints());
        }
        return Catalog.of(providers, models, endpoints);
    }

    private static List<String> providersOf(CatalogSeed seed, String model) {
        return seed.endpoints().stream().filter(e -> e.modelId().equals(model)).map(Endpoint::providerId).toList();
    }

    private static Endpoint endpoint(CatalogSeed seed, String model, String provider) {
        return seed.endpoints().stream().filter(e -> e.modelId().equals(model) && e.providerId().equals(provider))
                .findFirst().orElseThrow();
    }

    private static void assertPrice(Endpoint e, String prompt, String completion) {
        assertThat(e.price().prompt()).isEqualByComparingTo(new BigDecimal(prompt));
        assertThat(e.price().completion()).isEqualByComparingTo(new BigDecimal(completion));
    }
}
