package dev.atrium.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document is the one the service serves. A package build rewrites
 * docs/openapi/gateway (quarkus.smallrye-openapi.store-schema-directory); tests write theirs to
 * target/, so a change to the API that was not rebuilt and committed fails here.
 */
@QuarkusTest
class OpenApiDocumentTest {

    /** Served on the management port only (docs/operations.md, Ports). */
    @TestHTTPResource(value = "openapi", management = true)
    URL openapi;

    @TestHTTPResource(value = "swagger-ui/", management = true)
    URL swaggerUi;

    private static final Path COMMITTED = Path.of("../../docs/openapi/gateway");
    private static final String REBUILD =
            "docs/openapi/gateway differs from the served document: run ./mvnw -pl gateway/app -am package -DskipTests and commit it";

    @Test
    void committedDocumentsAreTheServedOnes() throws IOException {
        String yaml = given().get(openapi).then().statusCode(200).extract().asString();
        String json = given().queryParam("format", "json").get(openapi).then().statusCode(200).extract().asString();
        assertThat(yaml.strip()).as(REBUILD).isEqualTo(Files.readString(COMMITTED.resolve("openapi.yaml")).strip());
        assertThat(json.strip()).as(REBUILD).isEqualTo(Files.readString(COMMITTED.resolve("openapi.json")).strip());
    }

    @Test
    void servedDocumentNamesPropertiesInSnakeCaseAsTheServiceReadsThem() {
        String yaml = given().get(openapi).then().statusCode(200).extract().asString();
        assertThat(yaml).doesNotContainPattern("(?m)^ {8}[a-z]+[A-Z][A-Za-z]*:$");
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

    @Test
    void swaggerUiIsServed() {
        given().get(swaggerUi).then().statusCode(200);
    }
}
