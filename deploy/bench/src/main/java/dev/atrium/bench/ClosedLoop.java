package dev.atrium.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed loop: {@code connections} clients each send their next chat completion as soon as the last one
 * answered, {@code requests} in all; prints requests/s, p50/p90/p99 and the status codes. For the
 * "added latency at 1 and 16 connections" numbers of docs/benchmarks.md:
 * {@code java -cp deploy/bench/target/classes dev.atrium.bench.ClosedLoop 500 1 $ATRIUM_API_KEY [url]}.
 */
public final class ClosedLoop {

    private static final String BODY = "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Hello\"}]}";

    private ClosedLoop() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: ClosedLoop <requests> <connections> <api key> "
                    + "[url, default http://127.0.0.1:8080/api/v1/chat/completions]");
            System.exit(2);
        }
        int requests = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        String key = args[2];
        URI url = URI.create(args.length > 3 ? args[3] : "http://127.0.0.1:8080/api/v1/chat/completions");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long[] latencies = new long[requests];
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            pool.execute(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = client.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (java.io.IOException e) {
                        status = -1;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    latencies[i] = System.nanoTime() - sent;
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        System.out.printf(java.util.Locale.ROOT,
                "requests=%d connections=%d %.1f req/s p50=%.2f ms p90=%.2f ms p99=%.2f ms statuses=%s%n",
                requests, connections, requests / seconds, latencies[requests / 2] / 1e6,
                latencies[requests * 9 / 10] / 1e6, latencies[requests * 99 / 100] / 1e6, statuses);
    }
}
