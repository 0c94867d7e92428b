package dev.atrium.guardrail;

import dev.atrium.local.testing.LocalInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real PostgreSQL and Kafka for every @QuarkusTest of this module, started once. */
@QuarkusTestResource(value = LocalInfraResource.class, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "atrium_guardrail"))
public class InfraTestResource {
}
