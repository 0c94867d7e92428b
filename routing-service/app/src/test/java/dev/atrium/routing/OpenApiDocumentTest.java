package dev.atrium.routing;

import dev.atrium.local.testing.ServedOpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;

/** docs/openapi/routing-service is the document this service serves (the checks: {@link ServedOpenApiDocument}). */
@QuarkusTest
class OpenApiDocumentTest extends ServedOpenApiDocument {

    OpenApiDocumentTest() {
        super("routing-service", "routing-service/app");
    }
}
