package dev.atrium.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BaseUrlTemplateTest {

    private final Catalog catalog = Catalogs.sample();

    @Test
    void withoutATemplateProvidersKeepTheirCatalogueBaseUrls() {
        var template = BaseUrlTemplate.none();

        assertThat(template.active()).isFalse();
        assertThat(template.applyTo(catalog).provider("openai").baseUrl()).isEqualTo("https://openai.example");
    }

    @Test
    void theTemplateNamesEveryProviderByItsId() {
        var template = new BaseUrlTemplate("http://127.0.0.1:8090/p/{provider}");

        var local = template.applyTo(catalog);

        assertThat(template.active()).isTrue();
        assertThat(local.provider("openai").baseUrl()).isEqualTo("http://127.0.0.1:8090/p/openai");
        assertThat(local.provider("sim-cheap").baseUrl()).isEqualTo("http://127.0.0.1:8090/p/sim-cheap");
        assertThat(local.endpointsOf(Catalogs.MINI)).hasSize(4);
    }

    @Test
    void aTrailingSlashIsDroppedSoTheGatewayCanAppendItsPath() {
        assertThat(new BaseUrlTemplate("http://sim/p/{provider}/").applyTo(catalog).provider("groq").baseUrl())
                .isEqualTo("http://sim/p/groq");
    }

    @Test
    void aBlankTemplateMeansNone() {
        assertThat(new BaseUrlTemplate("  ").active()).isFalse();
    }

    @Test
    void aTemplateWithoutThePlaceholderIsRefused() {
        assertThatThrownBy(() -> new BaseUrlTemplate("http://127.0.0.1:8090/p/openai"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{provider}");
    }
}
