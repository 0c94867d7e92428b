package dev.atrium.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the build of this module put what the launcher needs: its classpath, the Keycloak distribution. */
public final class LocalBuild {

    private LocalBuild() {
    }

    /** This module's runtime classpath, itself included: enough to run the broker or the simulator. */
    public static String runtimeClasspath() {
        String deps = resource("atrium/runtime.classpath").strip();
        String self = properties().getProperty("module.classes");
        Path jar = Path.of(properties().getProperty("module.jar"));
        return (Files.exists(jar) ? jar.toString() : self) + java.io.File.pathSeparator + deps;
    }

    public static Path keycloakDist() {
        return Path.of(properties().getProperty("keycloak.dist"));
    }

    public static String keycloakVersion() {
        return properties().getProperty("keycloak.version");
    }

    /** The java executable running this JVM, so every component runs on the same JDK. */
    public static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static Properties properties() {
        Properties props = new Properties();
        try (InputStream in = stream("atrium/local.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    private static String resource(String name) {
        try (InputStream in = stream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = LocalBuild.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing: build deploy/local first (./mvnw -pl deploy/local install)");
        }
        return in;
    }
}
