package dev.atrium.workspace;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document is the one the service serves. A package build rewrites
 * docs/openapi/workspace-service (quarkus.smallrye-openapi.store-schema-directory); tests write theirs to
 * target/, so a change to the API that was not rebuilt and committed fails here.
 */
@QuarkusTest
class OpenApiDocumentTest {

    /** Served on the management port only (docs/operations.md, Ports). */
    @TestHTTPResource(value = "openapi", management = true)
    URL openapi;

    @TestHTTPResource(value = "swagger-ui/", management = true)
    URL swaggerUi;

    private static final Path COMMITTED = Path.of("../../docs/openapi/workspace-service");
    private static final String REBUILD =
            "docs/openapi/workspace-service differs from the served document: run ./mvnw -pl workspace-service/app -am package -DskipTests and commit it";

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
    void swaggerUiIsServed() {
        given().get(swaggerUi).then().statusCode(200);
    }
}
