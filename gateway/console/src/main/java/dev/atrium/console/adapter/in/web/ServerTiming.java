package dev.atrium.console.adapter.in.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Each page says how long the server took ({@code Server-Timing: page;dur=<ms>}, the service calls included),
 * so a browser's developer tools and the browser tests see the 300 ms budget of docs/console.md.
 */
class ServerTiming {

    private static final String STARTED = "atrium.console.started";

    @ServerRequestFilter
    void start(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @ServerResponseFilter
    void stop(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) {
            double millis = (System.nanoTime() - started) / 1e6;
            response.getHeaders().putSingle("Server-Timing", String.format(Locale.ROOT, "page;dur=%.1f", millis));
        }
    }
}
