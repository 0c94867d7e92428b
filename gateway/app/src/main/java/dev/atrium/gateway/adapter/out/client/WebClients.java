package dev.atrium.gateway.adapter.out.client;

import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** One non-blocking HTTP client for every outbound call, with pooled keep-alive connections. */
@ApplicationScoped
class WebClients {

    private final WebClient client;

    WebClients(Vertx vertx) {
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setMaxPoolSize(200)
                .setConnectTimeout(5_000)
                .setTcpNoDelay(true)
                .setUserAgent("atrium-gateway"));
    }

    WebClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
