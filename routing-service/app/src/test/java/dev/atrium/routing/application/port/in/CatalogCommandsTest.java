package dev.atrium.routing.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.routing.application.port.in.PutEndpointUseCase.PutEndpointCommand;
import dev.atrium.routing.application.port.in.PutModelUseCase.PutModelCommand;
import dev.atrium.routing.application.port.in.PutProviderUseCase.PutProviderCommand;
import dev.atrium.routing.api.MaxPrice;
import dev.atrium.routing.api.ProviderPreferences;
import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CatalogCommandsTest {

    private static final BigDecimal P = new BigDecimal("0.00000015");

    @Test
    void providerFieldsAreCheckedByName() {
        refused("name", () -> PutProviderCommand.of("acme", " ", "https://a.example", "openai", true, false, false, null, null));
        refused("base_url", () -> PutProviderCommand.of("acme", "Acme", "ftp://a.example", "openai", true, false, false, null, null));
        refused("base_url", () -> PutProviderCommand.of("acme", "Acme", "https://a.example/", "openai", true, false, false, null, null));
        refused("protocol", () -> PutProviderCommand.of("acme", "Acme", "https://a.example", "grpc", true, false, false, null, null));
        refused("data_policy.zdr", () -> PutProviderCommand.of("acme", "Acme", "https://a.example", "openai", null, false, false, null, null));
        refused("provider", () -> PutProviderCommand.of("Acme Inc", "Acme", "https://a.example", "openai", true, false, false, null, null));
        refused("data_region", () -> PutProviderCommand.of("acme", "Acme", "https://a.example", "openai", true, false, false, "eu", "eu"));
    }

    @Test
    void modelFieldsAreCheckedByName() {
        refused("context_length", () -> PutModelCommand.of("acme", "m1", "M1", 0, null, null, null, null));
        refused("context_length", () -> PutModelCommand.of("acme", "m1", "M1", null, null, null, null, null));
        refused("name", () -> PutModelCommand.of("acme", "m1", null, 1000, null, null, null, null));
        assertThat(PutModelCommand.of("acme", "m1", "M1", 1000, null, true, null, null).model().capabilities().streaming())
                .isTrue();
    }

    @Test
    void endpointPricesArePerTokenAndCheckedByName() {
        refused("pricing.prompt", () -> PutEndpointCommand.of("a/m", "p", "m", null, P, null, null, null));
        refused("pricing.completion", () -> PutEndpointCommand.of("a/m", "p", "m", P, new BigDecimal("-0.1"), null, null, null));
        refused("pricing.prompt", () -> PutEndpointCommand.of("a/m", "p", "m", new BigDecimal("2.5"), P, null, null, null));
        refused("upstream_model", () -> PutEndpointCommand.of("a/m", "p", "", P, P, null, null, null));
        refused("max_completion_tokens", () -> PutEndpointCommand.of("a/m", "p", "m", P, P, null, null, -1));
        assertThat(PutEndpointCommand.of("a/m", "p", "m", P, P, null, null, null).endpoint().price().prompt())
                .isEqualByComparingTo("0.00000015");
    }

    @Test
    void providerPreferencesAreCheckedByName() {
        refused("provider.max_price.prompt", () -> ProviderPreferencesInput.parse(new ProviderPreferences(
                null, null, null, null, null, null, null, null,
                new MaxPrice(new BigDecimal("-1"), null), null), "provider."));
        refused("quantizations", () -> ProviderPreferencesInput.parse(new ProviderPreferences(
                null, null, null, null, null, null, null, Arrays.asList("fp8", " "), null, null), ""));
    }

    private static void refused(String field, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(InvalidFieldException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
