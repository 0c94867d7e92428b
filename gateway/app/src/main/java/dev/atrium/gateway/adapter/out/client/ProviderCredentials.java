package dev.atrium.gateway.adapter.out.client;

import dev.atrium.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The platform's credential for a provider, from configuration. */
@ApplicationScoped
class ProviderCredentials {

    private final GatewayConfig config;

    ProviderCredentials(GatewayConfig config) {
        this.config = config;
    }

    Optional<String> forProvider(String provider) {
        String key = config.providerKeys().get(provider);
        return key != null ? Optional.of(key) : config.defaultProviderKey();
    }
}
