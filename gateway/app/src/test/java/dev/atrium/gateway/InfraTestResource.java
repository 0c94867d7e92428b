package dev.atrium.gateway;

import dev.atrium.local.testing.LocalInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** A real Kafka broker for every @QuarkusTest of this module; the gateway keeps no database. */
@QuarkusTestResource(value = LocalInfraResource.class, parallel = true,
        initArgs = @ResourceArg(name = "postgres", value = "false"))
public class InfraTestResource {
}
