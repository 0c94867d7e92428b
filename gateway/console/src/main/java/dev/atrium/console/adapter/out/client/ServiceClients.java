package dev.atrium.console.adapter.out.client;

import dev.atrium.console.config.ConsoleConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One REST client per service the console calls, at the URL of {@code atrium.console.*-url}: a connection is
 * given 2 s, an answer {@code atrium.console.call-timeout}.
 */
@ApplicationScoped
class ServiceClients {

    private static final long CONNECT_SECONDS = 2;

    private final Map<Service, ServiceRoutes> clients = new EnumMap<>(Service.class);
    private final Map<Service, String> authorities = new EnumMap<>(Service.class);

    ServiceClients(ConsoleConfig config) {
        for (Service service : Service.values()) {
            authorities.put(service, URI.create(base(config, service)).getAuthority());
            clients.put(service, QuarkusRestClientBuilder.newBuilder()
                    .baseUri(URI.create(base(config, service)))
                    .connectTimeout(CONNECT_SECONDS, TimeUnit.SECONDS)
                    .readTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .build(ServiceRoutes.class));
        }
    }

    ServiceRoutes of(Service service) {
        return clients.get(service);
    }

    /** host:port, for a message naming the service that could not be reached. */
    String authority(Service service) {
        return authorities.get(service);
    }

    private static String base(ConsoleConfig config, Service service) {
        return switch (service) {
            case WORKSPACE -> config.workspaceUrl();
            case GUARDRAIL -> config.guardrailUrl();
            case ROUTING -> config.routingUrl();
            case BILLING -> config.billingUrl();
            case GATEWAY -> config.gatewayUrl();
        };
    }
}
