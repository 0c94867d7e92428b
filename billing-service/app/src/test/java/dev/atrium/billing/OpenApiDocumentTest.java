package dev.atrium.billing;

import dev.atrium.local.testing.ServedOpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;

/** docs/openapi/billing-service is the document this service serves (the checks: {@link ServedOpenApiDocument}). */
@QuarkusTest
class OpenApiDocumentTest extends ServedOpenApiDocument {

    OpenApiDocumentTest() {
        super("billing-service", "billing-service/app");
    }
}
