package dev.atrium.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Portkey's open-source gateway ({@code @portkey-ai/gateway}, Node) installed with npm into a work
 * folder and started in front of an OpenAI-compatible upstream. Optional: {@link #start} answers
 * empty, with the reason printed, when npm or the package is not available.
 */
public final class Portkey implements AutoCloseable {

    static final String VERSION = "1.15.2";
    /** 1.14.2 and later break Portkey's streaming ("TypeError: immutable", Portkey-AI/gateway#1389). */
    private static final String PACKAGE_JSON = """
            {"name":"atrium-bench-peers","private":true,"version":"0.0.0",
             "dependencies":{"@portkey-ai/gateway":"%s"},
             "overrides":{"@hono/node-server":"1.14.1"}}
            """.formatted(VERSION);

    private final Process process;
    private final int port;

    private Portkey(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Optional<Portkey> start(Path workDir, int port, java.util.function.Consumer<String> log) {
        try {
            if (!onPath("node") || !onPath("npm")) {
                log.accept("Portkey skipped: node or npm is not on the PATH");
                return Optional.empty();
            }
            Files.createDirectories(workDir);
            Path server = workDir.resolve("node_modules/@portkey-ai/gateway/build/start-server.js");
            if (!Files.exists(server)) {
                Files.writeString(workDir.resolve("package.json"), PACKAGE_JSON);
                log.accept("installing @portkey-ai/gateway " + VERSION + " with npm into " + workDir);
                Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
                        .directory(workDir.toFile()).redirectErrorStream(true)
                        .redirectOutput(workDir.resolve("npm-install.log").toFile()).start();
                if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0 || !Files.exists(server)) {
                    npm.destroyForcibly();
                    log.accept("Portkey skipped: npm install failed (see " + workDir.resolve("npm-install.log") + ")");
                    return Optional.empty();
                }
            }
            ProcessBuilder builder = new ProcessBuilder("node", server.toString(), "--port=" + port, "--headless")
                    .directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("portkey.log").toFile());
            builder.environment().put("NODE_ENV", "production");
            Portkey portkey = new Portkey(builder.start(), port);
            if (!portkey.awaitUp(Duration.ofSeconds(30))) {
                portkey.close();
                log.accept("Portkey skipped: it did not answer on port " + port + " (see "
                        + workDir.resolve("portkey.log") + ")");
                return Optional.empty();
            }
            return Optional.of(portkey);
        } catch (IOException e) {
            log.accept("Portkey skipped: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public long pid() {
        return process.pid();
    }

    public URI chatUri() {
        return URI.create("http://127.0.0.1:" + port + "/v1/chat/completions");
    }

    /** Headers that make Portkey forward to {@code upstreamBase} (an OpenAI base URL ending in /v1). */
    public static Map<String, String> headers(String upstreamBase) {
        return Map.of("x-portkey-provider", "openai", "x-portkey-custom-host", upstreamBase,
                "Authorization", "Bearer sk-stub");
    }

    private boolean awaitUp(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                return true;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        return false;
    }

    private static boolean onPath(String command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
