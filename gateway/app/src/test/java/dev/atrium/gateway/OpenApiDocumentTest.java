package dev.atrium.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import dev.atrium.local.testing.ServedOpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi/gateway is the document the gateway serves (the shared checks: {@link ServedOpenApiDocument}),
 * and it describes the chat route that Vert.x serves outside JAX-RS.
 */
@QuarkusTest
class OpenApiDocumentTest extends ServedOpenApiDocument {

    OpenApiDocumentTest() {
        super("gateway", "gateway/app");
    }

    @Test
    void documentDescribesTheVertxChatRouteWithItsSchemasAndTheApiKeyScheme() {
        given().queryParam("format", "json").get(openapi).then().statusCode(200)
                .body("paths.'/api/v1/chat/completions'.post.security[0].api_key", empty())
                .body("paths.'/api/v1/chat/completions'.post.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ChatCompletionRequest"))
                .body("paths.'/api/v1/chat/completions'.post.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ChatCompletion"))
                .body("components.schemas.ChatCompletionRequest.properties.max_tokens.type",
                        equalTo("integer"))
                .body("components.schemas.ChatCompletionRequest.additionalProperties", is(true))
                .body("components.securitySchemes.api_key.scheme", equalTo("bearer"));
    }
}
