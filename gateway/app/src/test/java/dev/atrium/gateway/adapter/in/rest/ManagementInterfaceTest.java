package dev.atrium.gateway.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics are served on the management port only: the gateway's public port faces every API key
 * holder, and its metrics would tell them about the other tenants' traffic.
 */
@QuarkusTest
class ManagementInterfaceTest {

    // The management URL already ends with its root path, /q.
    @TestHTTPResource(value = "metrics", management = true)
    URL managementMetrics;

    @TestHTTPResource(value = "health/ready", management = true)
    URL managementReady;

    @TestHTTPResource("/q/metrics")
    URL publicMetrics;

    @Test
    void metricsAndHealthAnswerOnTheManagementPortOnly() {
        assertThat(managementMetrics.getPort()).as("a port of its own").isNotEqualTo(publicMetrics.getPort());
        assertThat(managementMetrics.getPath()).isEqualTo("/q/metrics");

        String metrics = given().get(managementMetrics).then().statusCode(200).extract().asString();
        assertThat(metrics).contains("jvm_memory_used_bytes");
        given().get(managementReady).then().statusCode(200);

        given().get(publicMetrics).then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(404);
    }
}
