package dev.atrium.systemtests;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A few clients sending chat completions to the gateway with one key, one after the other each, every
 * other request streamed, until stopped; every outcome kept (for fault tests: what was answered is what
 * must be billed).
 */
final class Load implements AutoCloseable {

    static final String MODEL = "openai/gpt-4o-mini";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * One request: {@code status} -1 when no complete answer arrived (the connection cut, a stream without
     * its end: the gateway may have served it), 0 when no connection was made (nothing was served);
     * {@code id} and {@code cost} only for a complete 200.
     */
    record Outcome(long startedAt, long endedAt, int status, boolean streamed, String id, BigDecimal cost,
            String body) {

        boolean answered() {
            return status == 200 && id != null;
        }

        boolean broken() {
            return status == -1;
        }

        long millis() {
            return (endedAt - startedAt) / 1_000_000;
        }
    }

    private final String url;
    private final String key;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final ExecutorService clients;
    private volatile boolean running = true;

    private Load(String key, int clients) {
        this.url = SharedStack.url(SharedStack.ports().gateway(), "/api/v1/chat/completions");
        this.key = key;
        this.clients = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            this.clients.submit(() -> run(client));
        }
    }

    /** Starts {@code clients} clients at once. */
    static Load start(String key, int clients) {
        return new Load(key, clients);
    }

    private void run(int client) {
        for (int i = 0; running; i++) {
            Outcome outcome = send(http, url, key, (client + i) % 2 == 1, "client " + client + " request " + i);
            outcomes.add(outcome);
            if (outcome.status() != 200) {
                // A component is away: do not spin on refusals, still ask often enough to see it come back.
                sleep(100);
            }
        }
    }

    /** One chat completion read to its end; 16 tokens at most keep holds and costs small. */
    static Outcome send(HttpClient http, String url, String key, boolean stream, String content) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("model", MODEL,
                            "stream", stream, "max_tokens", 16,
                            "messages", List.of(Map.of("role", "user", "content", content))))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            long ended = System.nanoTime();
            String body = response.body();
            if (response.statusCode() != 200) {
                return new Outcome(started, ended, response.statusCode(), stream, null, null, body);
            }
            if (stream && !body.contains("data: [DONE]")) {
                return new Outcome(started, ended, -1, true, null, null, body);
            }
            JsonNode answer = JSON.readTree(body.lines()
                    .filter(l -> !l.startsWith(":") && !l.isBlank() && !l.contains("[DONE]"))
                    .reduce((first, last) -> last).map(l -> l.startsWith("data: ") ? l.substring(6) : l)
                    .orElseThrow());
            if (!answer.path("usage").path("cost").isNumber()) {
                return new Outcome(started, ended, -1, stream, null, null, body);
            }
            return new Outcome(started, ended, 200, stream, answer.path("id").asText(),
                    answer.path("usage").path("cost").decimalValue(), null);
        } catch (java.net.ConnectException e) {
            return new Outcome(started, System.nanoTime(), 0, stream, null, null, e.toString());
        } catch (IOException e) {
            return new Outcome(started, System.nanoTime(), -1, stream, null, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(started, System.nanoTime(), -1, stream, null, null, e.toString());
        }
    }

    /** Every outcome so far. */
    List<Outcome> outcomes() {
        return new ArrayList<>(outcomes);
    }

    /** Outcomes of requests started in [from, to) (System.nanoTime()). */
    List<Outcome> startedBetween(long from, long to) {
        return outcomes.stream().filter(o -> o.startedAt() >= from && o.startedAt() < to).toList();
    }

    /** Waits until {@code count} more outcomes matching {@code what} arrived (at most {@code timeout}). */
    boolean await(Predicate<Outcome> what, int count, Duration timeout) {
        long from = System.nanoTime();
        long deadline = from + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (outcomes.stream().filter(o -> o.startedAt() >= from).filter(what).count() >= count) {
                return true;
            }
            sleep(50);
        }
        return false;
    }

    /** Stops sending and waits for the requests in flight. */
    @Override
    public void close() {
        running = false;
        clients.shutdown();
        try {
            if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
                clients.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long p50(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
