package dev.atrium.local;

import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * An Apache Kafka broker in KRaft mode, single node, as its own process, at the Kafka version the
 * Quarkus BOM manages (this module's classpath). Its log folder survives restarts.
 */
public final class KafkaBroker {

    private static final String CLUSTER_ID = "atrium-local-kafka-1";

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final Path log;

    public KafkaBroker(Path home, int port, int controllerPort, Path log) {
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
        this.log = log;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Formats the log folder on first use, then starts the broker in the background. */
    public Process start() throws IOException, InterruptedException {
        Files.createDirectories(home);
        Files.createDirectories(log.getParent());
        Path config = writeConfig();
        if (!Files.exists(home.resolve("data").resolve("meta.properties"))) {
            Process format = java("kafka.tools.StorageTool", "format", "-t", CLUSTER_ID, "-c", config.toString(),
                    "--ignore-formatted");
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IOException("Formatting the Kafka log folder failed; see " + log);
            }
        }
        return java("kafka.Kafka", config.toString());
    }

    public boolean isReady() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Process java(String mainClass, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(LocalBuild.javaExecutable(),
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                "-cp", LocalBuild.runtimeClasspath(), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private Path writeConfig() throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", home.resolve("data").toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        Path file = home.resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "Written by the Atrium launcher on every start");
        }
        return file;
    }
}
