package dev.atrium.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Closed loop: each of {@code connections} clients sends its next request as soon as its last one
 * answered, so the target sets the pace: requests/s is its throughput at that concurrency and latency
 * counts from send to last byte. {@link Bench} runs it for a duration per connection count; {@link #main}
 * is the standalone tool for a fixed number of requests:
 * {@code java -cp deploy/bench/target/classes dev.atrium.bench.ClosedLoop 500 1 $ATRIUM_API_KEY [url]}.
 */
public final class ClosedLoop {

    static final String USAGE = """
            usage: ClosedLoop <requests> <connections> <api key> [url] [--header name:value]... [--model M] [--streaming]
              url       default http://127.0.0.1:8080/api/v1/chat/completions (Atrium's gateway)
              --header  an extra request header, repeatable, e.g. for Portkey:
                        --header x-portkey-provider:openai --header x-portkey-custom-host:http://127.0.0.1:8090/p/openai/v1
              --model   default openai/gpt-4o-mini (Atrium's name; gpt-4o-mini for the simulator or Portkey)
            """;
    /** After a failed request a client waits this long, so a target refusing connections is not spun on. */
    private static final long PAUSE_AFTER_ERROR_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final LoadGenerator load;

    /** Sends through {@code load}'s client (HTTP/1.1) with the same answer checks as the open loop. */
    public ClosedLoop(LoadGenerator load) {
        this.load = load;
    }

    /** Clients start requests until {@code duration} has passed, then their last answers are awaited. */
    public ClosedLoopResult run(Probe probe, int connections, Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        return drive(probe, connections, () -> System.nanoTime() - deadline < 0);
    }

    /** Exactly {@code requests} requests, shared by the clients. */
    public ClosedLoopResult run(Probe probe, int connections, int requests) throws InterruptedException {
        AtomicInteger left = new AtomicInteger(requests);
        return drive(probe, connections, () -> left.getAndDecrement() > 0);
    }

    private ClosedLoopResult drive(Probe probe, int connections, BooleanSupplier another) throws InterruptedException {
        Samples[] latency = new Samples[connections];
        Samples[] ttfb = new Samples[connections];
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        long answerWithin = load.timeout().toMillis() + 5_000;
        List<Thread> clients = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            Samples own = latency[c] = new Samples();
            Samples ownTtfb = ttfb[c] = new Samples();
            Thread client = new Thread(() -> {
                while (another.getAsBoolean()) {
                    long sent = System.nanoTime();
                    String problem;
                    try {
                        LoadGenerator.Outcome outcome = load.send(probe).get(answerWithin, TimeUnit.MILLISECONDS);
                        problem = outcome.problem();
                        if (problem == null) {
                            own.add(outcome.end() - sent);
                            ownTtfb.add(outcome.firstByte() - sent);
                        }
                    } catch (ExecutionException e) {
                        problem = String.valueOf(e.getCause());
                    } catch (TimeoutException e) {
                        problem = "no answer within " + answerWithin + " ms";
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (problem != null) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, problem);
                        LockSupport.parkNanos(PAUSE_AFTER_ERROR_NANOS);
                    }
                }
            }, "closed-loop-" + c);
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        double seconds = Math.max(1, System.nanoTime() - started) / 1e9;
        long[] ok = Samples.all(latency);
        return new ClosedLoopResult(probe.target(), probe.mode(), connections, seconds, ok.length, errors.get(),
                ok.length / seconds, Percentiles.ofNanos(ok),
                probe.streaming() ? Percentiles.ofNanos(Samples.all(ttfb)) : null, firstError.get());
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 3) {
            System.err.print(USAGE);
            System.exit(2);
        }
        int requests = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + args[2]);
        URI url = URI.create("http://127.0.0.1:8080/api/v1/chat/completions");
        String model = "openai/gpt-4o-mini";
        boolean streaming = false;
        for (int i = 3; i < args.length; i++) {
            switch (args[i]) {
                case "--header" -> {
                    String header = args[++i];
                    int colon = header.indexOf(':');
                    if (colon < 1) {
                        System.err.print("--header takes name:value\n" + USAGE);
                        System.exit(2);
                    }
                    headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
                }
                case "--model" -> model = args[++i];
                case "--streaming" -> streaming = true;
                default -> url = URI.create(args[i]);
            }
        }
        try (LoadGenerator load = new LoadGenerator(Duration.ofSeconds(10))) {
            ClosedLoopResult r = new ClosedLoop(load).run(Probe.chat(url.getHost(), url, headers, model, streaming),
                    connections, requests);
            System.out.printf(Locale.ROOT, "requests=%d connections=%d %.1f req/s p50=%.2f ms p90=%.2f ms p99=%.2f ms"
                            + " errors=%d%s%n", requests, connections, r.requestsPerSecond(), r.latency().p50(),
                    r.latency().p90(), r.latency().p99(), r.errors(),
                    r.firstError() == null ? "" : " first: " + r.firstError());
        }
    }

    /** One client's latencies in nanoseconds, kept apart so the clients never contend for them. */
    private static final class Samples {

        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        static long[] all(Samples[] perClient) {
            return Arrays.stream(perClient).flatMapToLong(s -> Arrays.stream(s.values, 0, s.size)).toArray();
        }
    }
}
