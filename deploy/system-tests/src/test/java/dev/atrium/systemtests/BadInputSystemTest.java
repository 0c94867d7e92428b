package dev.atrium.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, items 7 and 8, through the launched stack: every bad input a reviewer found answers a
 * 4xx in the error shape and writes nothing, and a seeded fuzz pass of malformed chat requests and
 * management bodies gets no 5xx (docs/security.md, "Bad input").
 */
class BadInputSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final long SEED = 19_0708L;

    private static Ports ports;
    private static AdminClient admin;
    private static Tenants.Tenant tenant;

    @BeforeAll
    static void stack() {
        ports = SharedStack.ports();
        admin = AdminClient.login(SharedStack.get().keycloakUrl());
        tenant = Tenants.create(admin, "badinput");
    }

    @Test
    void aNulInAPathIdIs400OnEveryService() {
        String[] urls = {
                url(ports.workspace(), "/api/v1/workspaces/ws%00x/keys"),
                url(ports.guardrail(), "/api/v1/workspaces/ws%00x/guardrails"),
                url(ports.routing(), "/api/v1/workspaces/ws%00x/routing"),
                url(ports.billing(), "/api/v1/organizations/org%00x/usage"),
                url(ports.gateway(), "/api/v1/generation?id=gen%00x")};
        for (String url : urls) {
            Answer answer = send("GET", url, null, admin.token(), Map.of());
            answer.assertError(400);
        }
    }

    @Test
    void badManagementBodiesAre400NamingTheFieldAndWriteNothing() {
        String keys = url(ports.workspace(), "/api/v1/workspaces/" + tenant.workspaceId() + "/keys");
        int before = send("GET", keys, null, admin.token(), Map.of()).json().path("data").size();

        send("POST", keys, "{\"name\":\"ci\\u0000\"}", admin.token(), Map.of()).assertError(400).assertField("name");
        send("POST", keys, "{\"name\":\"ci\",\"limit\":1e40}", admin.token(), Map.of()).assertError(400)
                .assertField("limit");
        send("POST", keys, "{\"name\":\"ci\",\"owner_user_id\":\"" + "u".repeat(65) + "\"}", admin.token(), Map.of())
                .assertError(400).assertField("owner_user_id");
        send("POST", url(ports.workspace(), "/api/v1/organizations"), "{\"name\":\"a\\u0000b\",\"slug\":\"nul-org\"}",
                admin.token(), Map.of()).assertError(400).assertField("name");
        send("PATCH", keys + "/" + tenant.keyId(), "{\"limit\":1e40}", admin.token(), Map.of()).assertError(400)
                .assertField("limit");

        assertThat(send("GET", keys, null, admin.token(), Map.of()).json().path("data").size()).isEqualTo(before);
        assertThat(send("GET", keys + "/" + tenant.keyId(), null, admin.token(), Map.of()).json().path("limit").isNull())
                .as("the key's limit is unchanged").isTrue();
    }

    @Test
    void chatParametersOfTheWrongTypeOrRangeAre400BeforeAnythingIsHeld() {
        JsonNode fresh = Tenants.key(admin, tenant.workspaceId(), "params");
        String apiKey = fresh.path("key").asText();
        String[][] cases = {
                {"\"temperature\":\"hot\"", "temperature"},
                {"\"temperature\":5", "temperature"},
                {"\"n\":-1", "n"},
                {"\"tools\":\"garbage\"", "tools"}};
        for (String[] c : cases) {
            chat(apiKey, "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                    + c[0] + "}").assertError(400).assertField(c[1]);
        }
        chat(apiKey, "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"}]}")
                .assertError(400).assertField("messages[0].role");
        JsonNode key = send("GET", url(ports.gateway(), "/api/v1/key"), null, apiKey, Map.of()).json();
        assertThat(key.path("data").path("usage").decimalValue()).as("nothing was spent").isZero();
    }

    @Test
    void aPromptOverTheMaximumIs413InTheErrorShape() {
        ObjectNode body = NODES.objectNode().put("model", "openai/gpt-4o-mini");
        body.putArray("messages").addObject().put("role", "user").put("content", "x".repeat(1_000_001));
        chat(body.toString()).assertError(413);
    }

    @Test
    void oversizedRequestsAreAnsweredInTheErrorShapeOnEveryService() {
        for (int port : new int[] {ports.gateway(), ports.workspace(), ports.guardrail(), ports.routing(),
                ports.billing()}) {
            send("GET", url(port, "/api/v1/" + "x".repeat(9000)), null, admin.token(), Map.of()).assertError(414);
            Map<String, String> filler = new java.util.HashMap<>();
            for (int i = 0; i < 20; i++) {
                filler.put("X-Filler-" + i, "h".repeat(1000));
            }
            send("GET", url(port, "/api/v1/models"), null, admin.token(), filler).assertError(431);
        }
        String keys = url(ports.workspace(), "/api/v1/workspaces/" + tenant.workspaceId() + "/keys");
        oversized(() -> send("POST", keys, "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}", admin.token(), Map.of()))
                .assertError(413);
        oversized(() -> chat("{\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}]}"))
                .assertError(413);
    }

    /**
     * A body past the limit is answered while the client may still be sending it; when the server then closes,
     * the client can lose the answer to the reset (TCP discards it). The answer itself is what is checked, so a
     * send that lost it is tried again, a few times at most.
     */
    private static Answer oversized(java.util.function.Supplier<Answer> send) {
        IllegalStateException lost = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return send.get();
            } catch (IllegalStateException e) {
                lost = e;
            }
        }
        throw lost;
    }

    @Test
    void aRefusalForCreditsDoesNotTellTheBalance() {
        String org = Tenants.organization(admin, "poor");
        String ws = Tenants.workspace(admin, org, "apps");
        Tenants.awaitGuardrailKnows(admin, ws);
        String apiKey = Tenants.key(admin, ws, "poor").path("key").asText();
        admin.post(url(ports.billing(), "/api/v1/organizations/" + org + "/credits"),
                Map.of("amount", new java.math.BigDecimal("0.001"), "currency", "USD", "kind", "top_up"),
                Map.of("Idempotency-Key", "poor-" + org), 201);
        Answer refused = null;
        for (int i = 0; i < 50 && (refused == null || refused.status() != 402); i++) {
            refused = send("POST", url(ports.gateway(), "/api/v1/chat/completions"),
                    "{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":16000,"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", apiKey, Map.of());
            sleep(200);
        }
        refused.assertError(402);
        String message = refused.json().path("error").path("message").asText();
        assertThat(message).doesNotContain("0.001").doesNotContainIgnoringCase("balance of");
    }

    @Test
    void answersWithASecretAreNotStored() {
        String keys = url(ports.workspace(), "/api/v1/workspaces/" + tenant.workspaceId() + "/keys");
        Answer created = send("POST", keys, "{\"name\":\"secret\"}", admin.token(), Map.of());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        Answer rotated = send("POST", keys + "/" + created.json().path("id").asText() + "/rotate", "{}",
                admin.token(), Map.of());
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void onlyTheGatewaysServiceAccountResolvesKeys() {
        String resolve = url(ports.workspace(), "/internal/v1/keys/resolve");
        JsonNode fresh = Tenants.key(admin, tenant.workspaceId(), "resolve");
        String body = "{\"key\":\"" + fresh.path("key").asText() + "\"}";
        for (String client : new String[] {"atrium-billing", "atrium-routing", "atrium-guardrail"}) {
            send("POST", resolve, body, clientToken(client), Map.of()).assertError(403);
        }
        Answer gateway = send("POST", resolve, body, clientToken("atrium-gateway"), Map.of());
        assertThat(gateway.status()).isEqualTo(200);
        assertThat(gateway.json().path("key_id").asText()).isEqualTo(fresh.path("id").asText());
    }

    /** At least 500 seeded malformed requests: none may be answered 5xx, and every 4xx is in the error shape. */
    @Test
    void fuzzedChatRequestsAndManagementBodiesGetNo5xx() {
        Random random = new Random(SEED);
        String keys = url(ports.workspace(), "/api/v1/workspaces/" + tenant.workspaceId() + "/keys");
        String patched = Tenants.key(admin, tenant.workspaceId(), "fuzzed").path("id").asText();
        String chat = url(ports.gateway(), "/api/v1/chat/completions");
        List<String> failures = new ArrayList<>();
        int sent = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 360; i++) {
            String body = mutate(random, validChat(random));
            Answer answer = send("POST", chat, body, tenant.apiKey(), Map.of());
            sent++;
            check(failures, "chat", body, answer);
        }
        String token = admin.token();
        List<Supplier<String[]>> management = List.of(
                () -> new String[] {"POST", keys, mutate(random, keyBody(random))},
                () -> new String[] {"PATCH", keys + "/" + patched, mutate(random, keyPatch(random))},
                () -> new String[] {"PUT", url(ports.guardrail(), "/api/v1/workspaces/" + tenant.workspaceId()
                        + "/guardrails"), mutate(random, guardrails(random))},
                () -> new String[] {"PUT", url(ports.routing(), "/api/v1/workspaces/" + tenant.workspaceId()
                        + "/routing"), mutate(random, NODES.objectNode().set("sort", junk(random, 0)))},
                () -> new String[] {"POST", url(ports.workspace(), "/api/v1/workspaces/" + pathJunk(random) + "/keys"),
                        "{\"name\":\"x\"}"});
        for (int i = 0; i < 200; i++) {
            String[] request = management.get(random.nextInt(management.size())).get();
            Answer answer = send(request[0], request[1], request[2], token, Map.of());
            sent++;
            check(failures, request[0] + " " + request[1], request[2], answer);
        }
        System.out.printf("Fuzz: %d requests in %d ms%n", sent, (System.nanoTime() - started) / 1_000_000);
        assertThat(sent).isGreaterThanOrEqualTo(500);
        assertThat(failures).as("requests answered 5xx or without the error shape").isEmpty();
    }

    private static void check(List<String> failures, String what, String body, Answer answer) {
        String sample = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
        if (answer.status() >= 500) {
            failures.add(what + " -> " + answer.status() + " " + answer.body() + " for " + sample);
        } else if (answer.status() >= 400 && !answer.hasErrorShape()) {
            failures.add(what + " -> " + answer.status() + " without the error shape: " + answer.body() + " for " + sample);
        }
    }

    // --- generators ---------------------------------------------------------------------------

    private static ObjectNode validChat(Random random) {
        ObjectNode body = NODES.objectNode().put("model", "openai/gpt-4o-mini").put("max_tokens", 8);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", "be brief");
        messages.addObject().put("role", "user").put("content", "hello " + random.nextInt(1000));
        return body;
    }

    private static ObjectNode keyBody(Random random) {
        return NODES.objectNode().put("name", "fuzz-" + random.nextInt(1_000_000)).put("limit", 5);
    }

    private static ObjectNode keyPatch(Random random) {
        return NODES.objectNode().put("name", "fuzz-" + random.nextInt(1_000_000));
    }

    private static ObjectNode guardrails(Random random) {
        ObjectNode body = NODES.objectNode();
        body.putArray("budgets").addObject().put("window", "daily").put("limit", 5);
        body.putObject("rate_limits").put("requests_per_minute", 100);
        return body;
    }

    private static final String[] CHAT_FIELDS = {"model", "models", "messages", "temperature", "top_p", "n",
            "max_tokens", "max_completion_tokens", "presence_penalty", "frequency_penalty", "stop", "tools",
            "tool_choice", "response_format", "stream", "seed", "logit_bias", "user", "plugins", "provider"};
    private static final String[] MESSAGE_FIELDS = {"role", "content", "name", "tool_calls", "tool_call_id"};
    private static final String[] KEY_FIELDS = {"name", "limit", "limit_reset", "owner_user_id", "expires_at",
            "include_byok_in_limit", "disabled", "budgets", "rate_limits", "sort"};

    /** One to three damages: a field given junk, a message given junk, a role made up, or the JSON itself broken. */
    private static String mutate(Random random, ObjectNode body) {
        int damages = 1 + random.nextInt(3);
        for (int d = 0; d < damages; d++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    String[] fields = body.has("messages") ? CHAT_FIELDS : KEY_FIELDS;
                    body.set(fields[random.nextInt(fields.length)], junk(random, 0));
                }
                case 2 -> {
                    if (body.path("messages").isArray() && !body.path("messages").isEmpty()) {
                        ArrayNode messages = (ArrayNode) body.get("messages");
                        JsonNode message = messages.get(random.nextInt(messages.size()));
                        if (message.isObject()) {
                            ((ObjectNode) message).set(MESSAGE_FIELDS[random.nextInt(MESSAGE_FIELDS.length)],
                                    junk(random, 0));
                        }
                    } else {
                        body.set(KEY_FIELDS[random.nextInt(KEY_FIELDS.length)], junk(random, 0));
                    }
                }
                case 3 -> {
                    if (body.path("messages").isArray()) {
                        ((ArrayNode) body.get("messages")).addObject().put("role", randomText(random, 8))
                                .put("content", "hi");
                    } else {
                        body.put("name", randomText(random, 1 + random.nextInt(300)));
                    }
                }
                case 4 -> body.set("extra_" + random.nextInt(5), junk(random, 0));
                default -> {
                    String text = body.toString();
                    return switch (random.nextInt(4)) {
                        case 0 -> text.substring(0, random.nextInt(text.length()));
                        case 1 -> "[" + text + "]";
                        case 2 -> text.replace(":", random.nextBoolean() ? "::" : ": 01");
                        default -> new String(randomBytes(random, 1 + random.nextInt(200)), StandardCharsets.ISO_8859_1);
                    };
                }
            }
        }
        return body.toString();
    }

    /** A random JSON value of any type, including the ones that once broke a service. */
    private static JsonNode junk(Random random, int depth) {
        return switch (random.nextInt(depth > 2 ? 12 : 15)) {
            case 0 -> NODES.textNode("hot");
            case 1 -> NODES.textNode("nul\u0000inside");
            case 2 -> NODES.textNode("x".repeat(random.nextInt(3) == 0 ? 200_000 : 70));
            case 3 -> NODES.numberNode(new java.math.BigDecimal("1e40"));
            case 4 -> NODES.numberNode(-random.nextInt(1000));
            case 5 -> NODES.numberNode(random.nextDouble() * 1e6);
            case 6 -> NODES.numberNode(new java.math.BigDecimal("0.000000000000000001"));
            case 7 -> NODES.booleanNode(random.nextBoolean());
            case 8 -> NODES.nullNode();
            case 9 -> NODES.textNode(randomText(random, 1 + random.nextInt(80)));
            case 10 -> NODES.numberNode(Long.MAX_VALUE);
            case 11 -> NODES.textNode("");
            case 12 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(junk(random, depth + 1));
                }
                yield array;
            }
            case 13 -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(randomText(random, 6), junk(random, depth + 1));
                }
                yield object;
            }
            default -> deep(1 + random.nextInt(150));
        };
    }

    private static JsonNode deep(int levels) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < levels; i++) {
            node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
        }
        return node;
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            text.append(kind == 0 ? (char) random.nextInt(32) : kind == 1 ? (char) (0x80 + random.nextInt(0x2000))
                    : (char) (' ' + random.nextInt(95)));
        }
        return text.toString();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String pathJunk(Random random) {
        String[] pieces = {"%00", "%0a", "%7f", "%1F", "ws%00", "..%2f", "%ff%fe", "%25", "%c0%80", "w".repeat(70)};
        return pieces[random.nextInt(pieces.length)] + random.nextInt(100);
    }

    // --- HTTP ---------------------------------------------------------------------------------

    private static Answer chat(String body) {
        return chat(tenant.apiKey(), body);
    }

    private static Answer chat(String apiKey, String body) {
        return send("POST", url(ports.gateway(), "/api/v1/chat/completions"), body, apiKey, Map.of());
    }

    private static String clientToken(String clientId) {
        String secret = "local-" + clientId.substring("atrium-".length()) + "-secret";
        String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret;
        HttpRequest request = HttpRequest.newBuilder(URI.create(SharedStack.get().keycloakUrl()
                        + "/realms/atrium/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        Answer answer = exchange(request);
        assertThat(answer.status()).as("token of %s", clientId).isEqualTo(200);
        return answer.json().path("access_token").asText();
    }

    private static Answer send(String method, String url, String body, String bearer, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + bearer)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return exchange(request.build());
    }

    private static Answer exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Cache-Control").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String url(int port, String path) {
        return SharedStack.url(port, path);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Answer(int status, String body, String cacheControl) {

        String header(String name) {
            return cacheControl;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        boolean hasErrorShape() {
            try {
                JsonNode error = JSON.readTree(body).path("error");
                return error.path("code").asInt() == status && error.path("message").isTextual()
                        && !error.path("message").asText().isBlank() && error.path("metadata").isObject();
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        Answer assertError(int expected) {
            assertThat(status).as("status of an answer: %s", body.length() > 300 ? body.substring(0, 300) : body)
                    .isEqualTo(expected);
            assertThat(hasErrorShape()).as("error shape of %s", body).isTrue();
            return this;
        }

        Answer assertField(String field) {
            assertThat(json().path("error").path("metadata").path("field").asText()).as(body).isEqualTo(field);
            return this;
        }
    }
}
