package dev.atrium.gateway.adapter.out.client;

import dev.atrium.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway's service-account token (client credentials), cached until shortly before it
 * expires so the hot path almost never waits for Keycloak.
 */
@ApplicationScoped
class ServiceTokens {

    private final WebClients http;
    private final GatewayConfig.ServiceAccount account;
    private final Clock clock;
    private final AtomicReference<Token> current = new AtomicReference<>();

    ServiceTokens(WebClients http, GatewayConfig config, Clock clock) {
        this.http = http;
        this.account = config.serviceAccount();
        this.clock = clock;
    }

    Uni<String> bearer() {
        Token token = current.get();
        if (token != null && clock.instant().isBefore(token.refreshAt())) {
            return Uni.createFrom().item(token.header());
        }
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "client_credentials")
                .add("client_id", account.clientId())
                .add("client_secret", account.clientSecret());
        return http.client().postAbs(account.tokenUrl()).sendForm(form).map(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the gateway's service account: HTTP "
                        + response.statusCode());
            }
            var json = response.bodyAsJsonObject();
            long lifetime = json.getLong("expires_in", 60L);
            Token fresh = new Token("Bearer " + json.getString("access_token"),
                    clock.instant().plusSeconds(Math.max(5, lifetime - 30)));
            current.set(fresh);
            return fresh.header();
        });
    }

    private record Token(String header, Instant refreshAt) {
    }
}
