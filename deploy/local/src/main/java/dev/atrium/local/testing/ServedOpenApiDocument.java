package dev.atrium.local.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document is the one the service serves. A package build rewrites
 * docs/openapi/{service} (quarkus.smallrye-openapi.store-schema-directory); tests write theirs to
 * target/, so a change to the API that was not rebuilt and committed fails here. Each service's
 * {@code @QuarkusTest OpenApiDocumentTest} extends this with its document's folder and its module.
 */
public abstract class ServedOpenApiDocument {

    /** Served on the management port only (docs/operations.md, Ports). */
    @TestHTTPResource(value = "openapi", management = true)
    protected URL openapi;

    @TestHTTPResource(value = "swagger-ui/", management = true)
    URL swaggerUi;

    private final Path committed;
    private final String rebuild;

    /**
     * @param document the folder under docs/openapi, e.g. {@code billing-service}
     * @param module   the Maven module that serves it, e.g. {@code billing-service/app}
     */
    protected ServedOpenApiDocument(String document, String module) {
        this.committed = Path.of("../../docs/openapi", document);
        this.rebuild = "docs/openapi/" + document + " differs from the served document: run ./mvnw -pl " + module
                + " -am package -DskipTests and commit it";
    }

    @Test
    void committedDocumentsAreTheServedOnes() throws IOException {
        String yaml = given().get(openapi).then().statusCode(200).extract().asString();
        String json = given().queryParam("format", "json").get(openapi).then().statusCode(200).extract().asString();
        assertThat(yaml.strip()).as(rebuild).isEqualTo(Files.readString(committed.resolve("openapi.yaml")).strip());
        assertThat(json.strip()).as(rebuild).isEqualTo(Files.readString(committed.resolve("openapi.json")).strip());
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
