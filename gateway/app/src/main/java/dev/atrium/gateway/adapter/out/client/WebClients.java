package dev.atrium.gateway.adapter.out.client;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** The non-blocking HTTP clients of every outbound call, with pooled keep-alive connections. */
@ApplicationScoped
class WebClients {

    private final WebClient client;
    private final HttpClient streaming;

    WebClients(Vertx vertx) {
        this.streaming = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setConnectTimeout(5_000)
                .setTcpNoDelay(true), new PoolOptions().setHttp1MaxSize(200));
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

    /** For streamed answers, which the web client would buffer whole. */
    HttpClient streaming() {
        return streaming;
    }

    @PreDestroy
    void close() {
        client.close();
        streaming.closeAndAwait();
    }
}
