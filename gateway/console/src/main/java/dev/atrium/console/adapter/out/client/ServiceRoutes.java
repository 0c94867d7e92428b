package dev.atrium.console.adapter.out.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Any route of one service's published API, as the console calls it: {@code path} without its leading slash
 * (its slashes stay slashes), the query apart, the caller's bearer, and the answer as it came, whatever its
 * status. One REST client of this interface per service ({@link ServiceApi}).
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
interface ServiceRoutes {

    String AUTH = "Authorization";

    @GET
    @Path("{path}")
    Response get(@PathParam("path") @Encoded String path, @RestQuery MultivaluedMap<String, String> query,
            @HeaderParam(AUTH) String auth);

    /** {@link #get}, answered later: a page starts its reads together ({@link ServiceApi#fetch}). */
    @GET
    @Path("{path}")
    CompletionStage<Response> fetch(@PathParam("path") @Encoded String path,
            @RestQuery MultivaluedMap<String, String> query, @HeaderParam(AUTH) String auth);

    @POST
    @Path("{path}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response post(@PathParam("path") @Encoded String path, @RestQuery MultivaluedMap<String, String> query,
            @HeaderParam(AUTH) String auth, String body);

    @PUT
    @Path("{path}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response put(@PathParam("path") @Encoded String path, @RestQuery MultivaluedMap<String, String> query,
            @HeaderParam(AUTH) String auth, String body);

    @PATCH
    @Path("{path}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response patch(@PathParam("path") @Encoded String path, @RestQuery MultivaluedMap<String, String> query,
            @HeaderParam(AUTH) String auth, String body);

    @DELETE
    @Path("{path}")
    Response delete(@PathParam("path") @Encoded String path, @RestQuery MultivaluedMap<String, String> query,
            @HeaderParam(AUTH) String auth);
}
