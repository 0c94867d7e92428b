package dev.atrium.console.adapter.in.web;

import dev.atrium.console.adapter.out.client.Service;
import dev.atrium.console.adapter.out.client.ServiceApi;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The platform's catalogue and providers with their live statistics, as routing serves them. */
@Path("/admin")
@Authenticated
class AdminPage {

    private final Template admin;
    private final Viewer viewer;
    private final ServiceApi api;

    AdminPage(Template admin, Viewer viewer, ServiceApi api) {
        this.admin = admin;
        this.viewer = viewer;
        this.api = api;
    }

    @GET
    public TemplateInstance show() {
        var modelsCall = api.fetch(Service.ROUTING, "/api/v1/catalog/models");
        var providersCall = api.fetch(Service.ROUTING, "/api/v1/catalog/providers");
        var statsCall = api.fetch(Service.ROUTING, "/api/v1/providers/stats");
        Loaded models = Loaded.of(modelsCall);
        Loaded providers = Loaded.of(providersCall);
        Loaded stats = Loaded.of(statsCall);
        return admin.data("me", viewer.me()).data("models", models).data("modelRows", Views.rows(models.json().path("data")))
                .data("providers", providers).data("providerRows", Views.rows(providers.json().path("data")))
                .data("stats", stats).data("statRows", Views.rows(stats.json().path("data")));
    }
}
