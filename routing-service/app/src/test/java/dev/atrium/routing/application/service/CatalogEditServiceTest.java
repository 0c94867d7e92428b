package dev.atrium.routing.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.ApiException;
import dev.atrium.routing.application.port.in.PutEndpointUseCase.PutEndpointCommand;
import dev.atrium.routing.application.port.in.PutModelUseCase.PutModelCommand;
import dev.atrium.routing.application.port.in.PutProviderUseCase.PutProviderCommand;
import dev.atrium.routing.domain.BaseUrlTemplate;
import dev.atrium.routing.domain.Catalogs;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogEditServiceTest {

    private final InMemoryRouting store = new InMemoryRouting();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private final CatalogEditService service = new CatalogEditService(store, store, store,
            new RoutingSnapshots(store, store, BaseUrlTemplate.none(), clock,
                    RoutePlanServiceTest.config(Duration.ofSeconds(5)), Runnable::run));

    @BeforeEach
    void catalogue() {
        store.catalog = Catalogs.sample();
    }

    @Test
    void aNewPriceIsStoredAndPublishedExactly() {
        service.put(PutEndpointCommand.of(Catalogs.MINI, "openai", "gpt-4o-mini", new BigDecimal("0.0000002"),
                new BigDecimal("0.00000075"), "fp16", null, 8_192));

        var stored = store.catalog.endpoint(Catalogs.MINI, "openai").orElseThrow();
        assertThat(stored.price().completion()).isEqualByComparingTo("0.00000075");
        assertThat(stored.maxCompletionTokens()).isEqualTo(8_192);
        assertThat(store.events).containsExactly("endpoint.updated openai/gpt-4o-mini@openai 0.0000002/0.00000075 zdr=false");
    }

    @Test
    void aProviderChangeRepublishesItsEndpointsWithTheNewDataPolicy() {
        service.put(PutProviderCommand.of("groq", "Groq", "https://api.groq.com/openai", "openai", false, true, false,
                "us", "us"));

        assertThat(store.events).containsExactly("provider.updated groq",
                "endpoint.updated meta-llama/llama-3.1-8b-instruct@groq 0.00000005/0.00000008 zdr=false");
    }

    @Test
    void aModelChangeRepublishesItsEndpoints() {
        service.put(PutModelCommand.of("meta-llama", "llama-3.1-8b-instruct", "Llama 3.1 8B", 65_536, true, false,
                false, true));

        assertThat(store.events).containsExactly("model.updated meta-llama/llama-3.1-8b-instruct",
                "endpoint.updated meta-llama/llama-3.1-8b-instruct@groq 0.00000005/0.00000008 zdr=true",
                "endpoint.updated meta-llama/llama-3.1-8b-instruct@sim-fast 0.0000001/0.0000001 zdr=true");
    }

    @Test
    void anEndpointOfAnUnknownModelOrProviderIsA404AndNothingIsWritten() {
        assertThatThrownBy(() -> service.put(PutEndpointCommand.of("acme/nothing", "openai", "x", BigDecimal.ONE,
                BigDecimal.ONE, null, null, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.metadata()).containsEntry("field", "model"));
        assertThatThrownBy(() -> service.put(PutEndpointCommand.of(Catalogs.MINI, "acme", "x", BigDecimal.ONE,
                BigDecimal.ONE, null, null, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.metadata()).containsEntry("field", "provider"));
        assertThat(store.events).isEmpty();
        assertThat(store.catalog.endpointsOf(Catalogs.MINI)).hasSize(4);
    }

    @Test
    void removingAnEndpointPublishesItsRemovalAndAMissingOneIsA404() {
        service.remove(Catalogs.MINI, "azure");

        assertThat(store.catalog.endpoint(Catalogs.MINI, "azure")).isEmpty();
        assertThat(store.events).containsExactly("endpoint.removed openai/gpt-4o-mini@azure");
        assertThatThrownBy(() -> service.remove(Catalogs.MINI, "azure"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(store.events).hasSize(1);
    }
}
