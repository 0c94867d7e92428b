package dev.atrium.console.adapter.in.web;

import dev.atrium.console.adapter.out.client.ServiceCallException;
import io.quarkus.qute.Template;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A refused or failed change: the service's own message, and the way back. */
class ErrorPage {

    private final Template error;
    private final Viewer viewer;

    ErrorPage(Template error, Viewer viewer) {
        this.error = error;
        this.viewer = viewer;
    }

    @ServerExceptionMapper
    Response refused(ServiceCallException e, HttpHeaders headers) {
        String back = headers.getHeaderString("Referer");
        int status = e.status() == 0 ? 502 : e.status() == 401 ? 403 : e.status();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(error.data("me", viewer.me()).data("message", e.getMessage()).data("status", status)
                        .data("back", back == null ? "/" : back).render())
                .build();
    }
}
