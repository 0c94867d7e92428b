package dev.atrium.console.adapter.in.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Where Keycloak sends the browser after sign-out: no session needed. */
@Path("/signed-out")
class SignedOutPage {

    private final Template signedOut;

    SignedOutPage(Template signedOut) {
        this.signedOut = signedOut;
    }

    @GET
    public TemplateInstance show() {
        return signedOut.instance();
    }
}
