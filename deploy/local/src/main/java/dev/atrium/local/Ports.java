package dev.atrium.local;

/** Every port of the stack, all on 127.0.0.1: DESIGN.md's fixed ones, or free ones for tests. */
public record Ports(int gateway, int workspace, int guardrail, int routing, int billing, int simulator, int keycloak,
        int keycloakManagement, int kafka, int kafkaController, int postgres) {

    public static Ports defaults() {
        return new Ports(8080, 8081, 8082, 8083, 8084, 8090, 8180, 9000, 9092, 9093, 15432);
    }

    public static Ports free() {
        return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next());
    }

    public String url(int port) {
        return "http://127.0.0.1:" + port;
    }
}
