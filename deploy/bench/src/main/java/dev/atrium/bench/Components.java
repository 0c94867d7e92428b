package dev.atrium.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway's internal hops measured one by one with the same open-loop generator (key
 * resolution, guardrail check with its reservation, route planning), and the lag from a chat
 * answer to its generation being visible in billing.
 */
public final class Components {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String MODEL = "openai/gpt-4o-mini";

    private final String token;
    private final String apiKey;

    private Components(String token, String apiKey) {
        this.token = token;
        this.apiKey = apiKey;
    }

    /** Signs in as the gateway's service account (client credentials). */
    public static Components signIn(String keycloakUrl, String apiKey) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=atrium-gateway&client_secret="
                + URLEncoder.encode("local-gateway-secret", StandardCharsets.UTF_8);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(keycloakUrl
                        + "/realms/atrium/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("service token: HTTP " + answer.statusCode() + " " + answer.body());
        }
        return new Components(JSON.readTree(answer.body()).path("access_token").asText(), apiKey);
    }

    /** Resolves the key once (to learn its ids), then drives each internal route at {@code rate}. */
    public List<RunResult> measure(LoadGenerator load, String workspaceUrl, String guardrailUrl, String routingUrl,
            double rate, Duration duration) throws IOException, InterruptedException {
        String resolveBody = JSON.writeValueAsString(Map.of("key", apiKey));
        JsonNode key = post(workspaceUrl + "/internal/v1/keys/resolve", resolveBody);
        ObjectNode check = JSON.createObjectNode();
        check.put("organization_id", key.path("organization_id").asText());
        check.put("workspace_id", key.path("workspace_id").asText());
        check.put("key_id", key.path("key_id").asText());
        check.put("owner_user_id", key.path("owner_user_id").isNull() ? null : key.path("owner_user_id").asText());
        check.putArray("models").add(MODEL);
        check.put("estimated_prompt_tokens", 20);
        check.put("max_tokens", 16);
        check.put("text", "Say hello in five words.");
        ObjectNode plan = JSON.createObjectNode();
        plan.put("workspace_id", key.path("workspace_id").asText());
        plan.put("model", MODEL);
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
        List<Probe> probes = List.of(
                Probe.post("workspace: key resolution", URI.create(workspaceUrl + "/internal/v1/keys/resolve"), auth,
                        resolveBody),
                Probe.post("guardrail: check + reservation", URI.create(guardrailUrl + "/internal/v1/checks"), auth,
                        JSON.writeValueAsString(check)),
                Probe.post("routing: route plan", URI.create(routingUrl + "/internal/v1/routes/plan"), auth,
                        JSON.writeValueAsString(plan)));
        List<RunResult> results = new ArrayList<>();
        for (Probe probe : probes) {
            load.run(probe, rate, Duration.ofSeconds(1));
            results.add(load.run(probe, rate, duration));
        }
        return results;
    }

    /** Sends {@code samples} chat completions one at a time and times until billing knows each generation. */
    public long[] billingLag(String gatewayChatUrl, String billingUrl, int samples) throws IOException,
            InterruptedException {
        long[] lags = new long[samples];
        int measured = 0;
        byte[] body = Probe.chat("atrium", URI.create(gatewayChatUrl), Map.of(), MODEL, false).body();
        for (int i = 0; i < samples; i++) {
            HttpResponse<String> chat = HTTP.send(HttpRequest.newBuilder(URI.create(gatewayChatUrl))
                    .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            if (chat.statusCode() != 200) {
                throw new IOException("chat: HTTP " + chat.statusCode() + " " + chat.body());
            }
            String id = JSON.readTree(chat.body()).path("id").asText();
            long deadline = answered + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                HttpResponse<Void> seen = HTTP.send(HttpRequest.newBuilder(URI.create(billingUrl
                                + "/internal/v1/generations/" + id)).header("Authorization", "Bearer " + token)
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (seen.statusCode() == 200) {
                    lags[measured++] = System.nanoTime() - answered;
                    break;
                }
                Thread.sleep(10);
            }
        }
        return java.util.Arrays.copyOf(lags, measured);
    }

    private JsonNode post(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException(url + ": HTTP " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }
}
