package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The moderation plugin through the launched stack: the organization's content filters run on the answer. */
class ModerationSystemTest {

    @Test
    void anAnswerMatchingABlockFilterIsWithheldWith403() {
        Ports ports = SharedStack.ports();
        AdminClient admin = AdminClient.login(SharedStack.get().keycloakUrl());
        Tenants.Tenant tenant = Tenants.create(admin, "moderated");
        String org = tenant.organizationId();
        String key = tenant.apiKey();
        given().header("Authorization", "Bearer " + admin.token()).contentType("application/json")
                .body(Map.of("content_filters", List.of(Map.of("pattern", "(?i)simulated answer", "action", "block",
                        "label", "no-simulations"))))
                .put(SharedStack.url(ports.guardrail(), "/api/v1/organizations/" + org + "/guardrails"))
                .then().statusCode(200);

        Response plain = chat(ports, key, List.of());
        plain.then().statusCode(200);
        assertThat(plain.jsonPath().getString("choices[0].message.content")).startsWith("Simulated answer");

        Response moderated = chat(ports, key, List.of(Map.of("id", "moderation")));
        moderated.then().statusCode(403);
        assertThat(moderated.jsonPath().getString("error.message")).contains("withheld")
                .contains("no-simulations");
    }

    private static Response chat(Ports ports, String key, List<Map<String, Object>> plugins) {
        return given().header("Authorization", "Bearer " + key).contentType("application/json")
                .body(Map.of("model", "openai/gpt-4o-mini", "plugins", plugins,
                        "messages", List.of(Map.of("role", "user", "content", "Hello"))))
                .post(SharedStack.url(ports.gateway(), "/api/v1/chat/completions"));
    }
}
