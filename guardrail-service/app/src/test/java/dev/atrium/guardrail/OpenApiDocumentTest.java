package dev.atrium.guardrail;

import dev.atrium.local.testing.ServedOpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;

/** docs/openapi/guardrail-service is the document this service serves (the checks: {@link ServedOpenApiDocument}). */
@QuarkusTest
class OpenApiDocumentTest extends ServedOpenApiDocument {

    OpenApiDocumentTest() {
        super("guardrail-service", "guardrail-service/app");
    }
}
