package dev.atrium.local.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake LLM provider for the local stack, tests and benchmarks. It serves any provider name and
 * any model on {@code POST /p/{provider}/v1/chat/completions} (OpenAI) and
 * {@code POST /p/{provider}/v1/messages} (Anthropic), streamed or not, with deterministic text and
 * token counts (see {@link TextGenerator}: prompt tokens = max(1, ceil(message characters / 4)),
 * completion tokens = words written = min(completion_tokens setting, default 16, and max_tokens)).
 * Offered {@code tools}, its Anthropic protocol calls one (string properties "simulated") until the
 * conversation brings the tool results back; its OpenAI protocol answers text only.
 * {@code /sim/providers/{provider}} sets latency, failures, pacing, dropped streams and hangs per
 * provider; {@code /sim/requests} lists what arrived, with the SHA-256 of each credential.
 */
public final class ProviderSimulator implements AutoCloseable {

    /** Without it the JDK server leaves Nagle on, and small answers can wait for a delayed ACK. */
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";
    private static final int BACKLOG = 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ProviderBehaviours behaviours;
    private final String baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ProviderSimulator(HttpServer server, ExecutorService executor, ProviderBehaviours behaviours) {
        this.server = server;
        this.executor = executor;
        this.behaviours = behaviours;
        InetAddress address = server.getAddress().getAddress();
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        this.baseUrl = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** Starts serving on {@code host}; port 0 picks a free port. */
    public static ProviderSimulator start(String host, int port) {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        ObjectMapper json = new ObjectMapper();
        Clock clock = Clock.systemUTC();
        ProviderBehaviours behaviours = new ProviderBehaviours();
        RequestLog log = new RequestLog();
        SimulatorRoutes routes = new SimulatorRoutes(
                new CompletionEndpoint(new OpenAiProtocol(json, clock), behaviours, log, json, clock),
                new CompletionEndpoint(new AnthropicProtocol(json), behaviours, log, json, clock),
                new ControlApi(behaviours, log, json),
                json);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        // Unbounded on purpose: paced streams and hangs hold their thread for their whole life.
        ExecutorService executor = Executors.newCachedThreadPool(workerThreads());
        server.createContext("/", routes);
        server.setExecutor(executor);
        server.start();
        return new ProviderSimulator(server, executor, behaviours);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Stops at once: hanging and paced requests are dropped rather than waited for. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        behaviours.close();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    /** {@code --port N} (default 8090) {@code [--host 127.0.0.1]}; runs until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int port = 8090;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(required(args[i], value));
                case "--host" -> host = required(args[i], value);
                default -> throw new IllegalArgumentException(
                        "unknown argument " + args[i] + "; usage: --port N [--host 127.0.0.1]");
            }
            i++;
        }
        ProviderSimulator simulator = start(host, port);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-shutdown"));
        System.out.println("simulator listening on " + simulator.baseUrl());
        simulator.stopped.await();
    }

    private static String required(String flag, String value) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "simulator-" + count.incrementAndGet());
            // Daemon, so that a test that forgets to close the simulator still lets the JVM exit.
            thread.setDaemon(true);
            return thread;
        };
    }
}
