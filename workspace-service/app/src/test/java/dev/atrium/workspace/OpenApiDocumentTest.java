package dev.atrium.workspace;

import dev.atrium.local.testing.ServedOpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;

/** docs/openapi/workspace-service is the document this service serves (the checks: {@link ServedOpenApiDocument}). */
@QuarkusTest
class OpenApiDocumentTest extends ServedOpenApiDocument {

    OpenApiDocumentTest() {
        super("workspace-service", "workspace-service/app");
    }
}
