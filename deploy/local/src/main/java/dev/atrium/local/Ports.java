package dev.atrium.local;

/**
 * Every port of the stack, all on 127.0.0.1: DESIGN.md's fixed ones, or free ones for tests. Each service
 * also has a management port (health, metrics, OpenAPI), by default its public port + 1000, never the public one.
 */
public record Ports(int gateway, int workspace, int guardrail, int routing, int billing, int simulator, int keycloak,
        int keycloakManagement, int kafka, int kafkaController, int postgres, int gatewayManagement,
        int workspaceManagement, int guardrailManagement, int routingManagement, int billingManagement, int console,
        int consoleManagement) {

    /** The ports of the services without the console, which gets free ones (tests that name every other port). */
    public Ports(int gateway, int workspace, int guardrail, int routing, int billing, int simulator, int keycloak,
            int keycloakManagement, int kafka, int kafkaController, int postgres, int gatewayManagement,
            int workspaceManagement, int guardrailManagement, int routingManagement, int billingManagement) {
        this(gateway, workspace, guardrail, routing, billing, simulator, keycloak, keycloakManagement, kafka,
                kafkaController, postgres, gatewayManagement, workspaceManagement, guardrailManagement,
                routingManagement, billingManagement, FreePorts.next(), FreePorts.next());
    }

    public static Ports defaults() {
        return new Ports(8080, 8081, 8082, 8083, 8084, 8090, 8180, 9000, 9092, 9093, 15432,
                9080, 9081, 9082, 9083, 9084, 8085, 9085);
    }

    public static Ports free() {
        return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next());
    }

    /** The management port of the service whose public port this is. */
    public int management(int servicePort) {
        if (servicePort == gateway) {
            return gatewayManagement;
        } else if (servicePort == workspace) {
            return workspaceManagement;
        } else if (servicePort == guardrail) {
            return guardrailManagement;
        } else if (servicePort == routing) {
            return routingManagement;
        } else if (servicePort == billing) {
            return billingManagement;
        } else if (servicePort == console) {
            return consoleManagement;
        }
        throw new IllegalArgumentException("Port " + servicePort + " is no service's public port");
    }

    public String url(int port) {
        return "http://127.0.0.1:" + port;
    }
}
