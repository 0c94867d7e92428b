package dev.atrium.common.error;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Cache-Control: no-store} on every answer of the services' APIs that does not set its own:
 * they are all one tenant's data, and some carry a secret shown once (a new or rotated API key, a
 * BYOK credential), which no browser or proxy cache may keep.
 */
public class NoStore {

    @ServerResponseFilter
    public void noStore(ContainerResponseContext response) {
        if (!response.getHeaders().containsKey("Cache-Control")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
