package dev.atrium.deploy.kubernetes;

import java.nio.file.Path;

/** Paths in the repository; the parent's surefire configuration passes its root as atrium.root. */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("atrium.root", "../..")).toAbsolutePath().normalize();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final Path SCHEMAS = KUBERNETES.resolve("schemas");
    static final Path SECRETS_EXAMPLE = KUBERNETES.resolve("secrets.example");
    static final Path FIXTURES = KUBERNETES.resolve("src/test/resources/fixtures");

    private Repo() {
    }

    static Path overlay(String name) {
        return KUBERNETES.resolve("overlays").resolve(name);
    }

    static Path fixture(String name) {
        return FIXTURES.resolve(name);
    }
}
