package dev.atrium.local.testing;

import dev.atrium.local.FreePorts;
import dev.atrium.local.KafkaBroker;
import dev.atrium.local.Postgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Real PostgreSQL and a real Kafka broker for a service's {@code @QuarkusTest}s: started once per
 * test JVM on free ports, data under {@code target/atrium-test}. Declare it once per module with
 * {@code @QuarkusTestResource(value = LocalInfraResource.class, initArgs = @ResourceArg(name = "database", value = "atrium_x"), parallel = true)}.
 */
public class LocalInfraResource implements QuarkusTestResourceLifecycleManager {

    private static Postgres postgres;
    private static Process broker;
    private static String bootstrap;

    private String database = "atrium_test";
    private boolean withPostgres = true;

    /** {@code database}: the service's database; {@code postgres=false} for a service without one. */
    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        withPostgres = !"false".equals(initArgs.get("postgres"));
    }

    @Override
    public Map<String, String> start() {
        try {
            startOnce(withPostgres);
            if (!withPostgres) {
                return Map.of("kafka.bootstrap.servers", bootstrap);
            }
            postgres.createDatabaseIfMissing(database);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test infrastructure", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", Postgres.USER,
                "quarkus.datasource.password", Postgres.PASSWORD,
                "kafka.bootstrap.servers", bootstrap);
    }

    private static synchronized void startOnce(boolean withPostgres) throws IOException, InterruptedException {
        if (bootstrap != null && (postgres != null || !withPostgres)) {
            return;
        }
        if (bootstrap != null) {
            postgres = Postgres.start(Path.of("target", "atrium-test", "postgres").toAbsolutePath(), FreePorts.next());
            return;
        }
        Path home = Path.of("target", "atrium-test").toAbsolutePath();
        deleteRecursively(home);
        KafkaBroker kafka = new KafkaBroker(home.resolve("kafka"), FreePorts.next(), FreePorts.next(),
                home.resolve("kafka.log"));
        broker = kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(LocalInfraResource::stopAll));
        if (withPostgres) {
            postgres = Postgres.start(home.resolve("postgres"), FreePorts.next());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!kafka.isReady()) {
            if (!broker.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka did not start; see " + home.resolve("kafka.log"));
            }
            Thread.sleep(200);
        }
        bootstrap = kafka.bootstrapServers();
    }

    @Override
    public void stop() {
        // The JVM's shutdown hook stops both once every test class is done.
    }

    private static synchronized void stopAll() {
        if (broker != null) {
            broker.destroy();
        }
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException ignored) {
            // the JVM is going away anyway
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
