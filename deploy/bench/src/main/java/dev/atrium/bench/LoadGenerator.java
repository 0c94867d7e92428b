package dev.atrium.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: request i is sent at {@code t0 + i / rate} whatever happened to the
 * earlier ones, and its latency counts from that scheduled time, so a slow server shows as queueing
 * instead of silently lowering the offered load (the closed-loop trap of wrk-style tools).
 */
public final class LoadGenerator implements AutoCloseable {

    private final HttpClient client;
    private final Duration timeout;

    public LoadGenerator(Duration timeout) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.timeout = timeout;
    }

    /** Sends at {@code rate} requests per second for {@code duration}, then waits for the stragglers. */
    public RunResult run(Probe probe, double rate, Duration duration) throws InterruptedException {
        return run(List.of(probe), rate, duration);
    }

    /**
     * The same open loop over several probes of one target and mode (many keys): request i uses probe
     * {@code i % probes.size()}, so every key sends at {@code rate / probes.size()}.
     */
    public RunResult run(List<Probe> probes, double rate, Duration duration) throws InterruptedException {
        Probe probe = probes.get(0);
        int count = Math.max(1, (int) Math.round(rate * duration.toNanos() / 1e9));
        long period = (long) (1e9 / rate);
        long[] latency = new long[count];
        long[] ttfb = new long[count];
        Arrays.fill(latency, -1);
        Arrays.fill(ttfb, -1);
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicLong lastDone = new AtomicLong();
        CountDownLatch done = new CountDownLatch(count);
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int i = 0; i < count; i++) {
            long scheduled = t0 + i * period;
            sleepUntil(scheduled);
            int index = i;
            send(probes.get(i % probes.size())).whenComplete((outcome, failure) -> {
                long now = System.nanoTime();
                String problem = failure != null ? failure.toString() : outcome.problem();
                if (problem == null) {
                    latency[index] = now - scheduled;
                    ttfb[index] = outcome.firstByte() - scheduled;
                } else {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, problem);
                }
                lastDone.accumulateAndGet(now, Math::max);
                done.countDown();
            });
        }
        boolean finished = done.await(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        long[] ok = Arrays.stream(latency).filter(v -> v >= 0).toArray();
        int unanswered = finished ? 0 : (int) done.getCount();
        if (unanswered > 0) {
            firstError.compareAndSet(null, unanswered + " requests unanswered");
        }
        double seconds = Math.max(1, lastDone.get() - t0) / 1e9;
        Percentiles firstBytes = probe.streaming()
                ? Percentiles.ofNanos(Arrays.stream(ttfb).filter(v -> v >= 0).toArray()) : null;
        return new RunResult(probe.target(), probe.mode(), rate, seconds, count, ok.length,
                errors.get() + unanswered, ok.length / seconds, Percentiles.ofNanos(ok), firstBytes,
                firstError.get());
    }

    /**
     * Sends one request at a time until {@code successes} in a row succeed or {@code timeout} passes:
     * a just-started service's first requests (JIT, token key discovery, connection pools) say
     * nothing about its steady state. Answers the last problem seen, or null once it is warm.
     */
    public String warmUp(Probe probe, int successes, Duration timeout) throws InterruptedException {
        return warmUp(List.of(probe), successes, timeout);
    }

    /** {@link #warmUp(Probe, int, Duration)} taking the probes in turn: every key answers before the run. */
    public String warmUp(List<Probe> probes, int successes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int inARow = 0;
        String problem = "no answer within " + timeout.toSeconds() + " s";
        int sent = 0;
        while (inARow < successes && System.nanoTime() < deadline) {
            try {
                Outcome outcome = send(probes.get(sent++ % probes.size()))
                        .get(this.timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
                problem = outcome.problem();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                problem = e.toString();
            }
            inARow = problem == null ? inARow + 1 : 0;
            if (problem != null) {
                Thread.sleep(200);
            }
        }
        return inARow >= successes ? null : problem;
    }

    /** One request; the answer's body is read and checked, never kept (the closed loop sends with it too). */
    CompletableFuture<Outcome> send(Probe probe) {
        HttpRequest.Builder request = HttpRequest.newBuilder(probe.uri()).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        probe.headers().forEach(request::header);
        try {
            return client.sendAsync(request.build(), info -> new Timing(info.statusCode(), probe.streaming()))
                    .thenApply(HttpResponse::body);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void sleepUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    Duration timeout() {
        return timeout;
    }

    @Override
    public void close() {
        // HttpClient gains close() only in JDK 21; on 17 its threads end when it is collected.
    }

    /** What one response looked like: when its first and last body bytes came and whether it was right. */
    record Outcome(long firstByte, long end, String problem) {
    }

    /** Reads the body as it arrives, noting the first byte and keeping only the tail to check the end. */
    private static final class Timing implements HttpResponse.BodySubscriber<Outcome> {

        private static final int TAIL = 64;
        private final CompletableFuture<Outcome> result = new CompletableFuture<>();
        private final int status;
        private final boolean streaming;
        private final StringBuilder head = new StringBuilder();
        private final StringBuilder tail = new StringBuilder();
        private long firstByte;

        Timing(int status, boolean streaming) {
            this.status = status;
            this.streaming = streaming;
        }

        @Override
        public CompletionStage<Outcome> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (buffer.hasRemaining() && firstByte == 0) {
                    firstByte = System.nanoTime();
                }
                String text = StandardCharsets.UTF_8.decode(buffer).toString();
                if (head.length() < 300) {
                    head.append(text, 0, Math.min(text.length(), 300 - head.length()));
                }
                tail.append(text);
                if (tail.length() > TAIL) {
                    tail.delete(0, tail.length() - TAIL);
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            long end = System.nanoTime();
            String problem = null;
            if (status / 100 != 2) {
                problem = "HTTP " + status + ": " + head;
            } else if (streaming && !tail.toString().contains("[DONE]")) {
                problem = "stream ended without [DONE]: ..." + tail;
            } else if (head.length() == 0) {
                problem = "empty body";
            }
            result.complete(new Outcome(firstByte == 0 ? end : firstByte, end, problem));
        }
    }
}
