package dev.atrium.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
import dev.atrium.local.Seeder;
import dev.atrium.local.Stack;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The many-keys scenario: API keys spread over several workspaces of the demo organization (its credits
 * pay for all), sent to in turn by one open loop, so the gateway's caches, guardrail's counters and
 * PostgreSQL's rows see many tenants at once instead of one hot key. Direct and Portkey get the same
 * requests with the same keys in their Authorization header (the simulator accepts any key; Portkey
 * forwards it).
 */
public final class Fleet {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fleet() {
    }

    /** The keys, created once per stack home ({@code fleet.json}) through the admin's REST calls. */
    public static List<String> seedOnce(Stack stack, Seeder.Demo demo, int workspaces, int keysPerWorkspace)
            throws IOException {
        Path record = stack.home().resolve("fleet-" + workspaces + "x" + keysPerWorkspace + ".json");
        if (Files.exists(record)) {
            return List.of(JSON.readValue(record.toFile(), String[].class));
        }
        Ports p = stack.ports();
        AdminClient admin = AdminClient.login(stack.keycloakUrl());
        // unique per seeding, so a home whose earlier seeding stopped half-way never collides on a slug
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> keys = new ArrayList<>();
        for (int w = 1; w <= workspaces; w++) {
            String wsId = admin.post(p.url(p.workspace()) + "/api/v1/organizations/" + demo.organizationId()
                            + "/workspaces", Map.of("name", "Bench " + w, "slug", "bench-" + run + "-" + w,
                            "default_text_model", Components.MODEL), Map.of(), 201).path("id").asText();
            for (int k = 1; k <= keysPerWorkspace; k++) {
                keys.add(admin.post(p.url(p.workspace()) + "/api/v1/workspaces/" + wsId + "/keys",
                        Map.of("name", "bench-" + w + "-" + k), Map.of(), 201).path("key").asText());
            }
        }
        JSON.writeValue(record.toFile(), keys);
        return keys;
    }

    /** Keys the simulator and Portkey accept (any), for a run without the stack. */
    public static List<String> synthetic(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "sk-fleet-" + i).toList();
    }

    /** One probe per key: the same chat request, the key in the Authorization header, other headers as given. */
    public static List<Probe> probes(String target, URI uri, Map<String, String> headers, String model,
            boolean streaming, List<String> keys) {
        return keys.stream().map(key -> {
            Map<String, String> withKey = new LinkedHashMap<>(headers);
            withKey.put("Authorization", "Bearer " + key);
            return Probe.chat(target, uri, withKey, model, streaming);
        }).toList();
    }
}
