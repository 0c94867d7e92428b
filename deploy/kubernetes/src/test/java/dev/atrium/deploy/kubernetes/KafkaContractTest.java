package dev.atrium.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaContractTest {

    /** DESIGN.md's suite table: who publishes and who consumes each topic. */
    static final Map<String, KafkaContract.Access> SUITE = Map.of(
            "gateway", access(Set.of("atrium.usage.recorded", "atrium.provider.attempts"),
                    Set.of("atrium.workspace.events", "atrium.guardrail.events")),
            "workspace-service", access(Set.of("atrium.workspace.events"), Set.of()),
            "guardrail-service", access(Set.of("atrium.guardrail.events"), Set.of("atrium.workspace.events",
                    "atrium.routing.events", "atrium.usage.recorded", "atrium.billing.balance")),
            "routing-service", access(Set.of("atrium.routing.events"),
                    Set.of("atrium.workspace.events", "atrium.provider.attempts")),
            "billing-service", access(Set.of("atrium.billing.balance"),
                    Set.of("atrium.usage.recorded", "atrium.workspace.events")));

    /** In DESIGN.md's suite table, not yet published by code (guardrail-service has no events class yet). */
    static final Set<String> PLANNED = Set.of("atrium.guardrail.events");

    @Test
    void readsTheTopicConstantsOfTheCode() {
        assertThat(KafkaContract.codeTopics(Repo.ROOT)).contains("atrium.workspace.events", "atrium.usage.recorded",
                "atrium.provider.attempts", "atrium.routing.events", "atrium.billing.balance");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void strimziDeclaresExactlyTheTopicsOfTheCode(String overlay) {
        List<ObjectNode> manifests = Kustomize.render(Repo.overlay(overlay));

        assertThat(KafkaContract.topicProblems(manifests, KafkaContract.codeTopics(Repo.ROOT), PLANNED)).isEmpty();
    }

    @Test
    void everyServiceMayWriteWhatItPublishesAndReadWhatItConsumes() {
        List<ObjectNode> manifests = Kustomize.render(Repo.overlay("prod"));

        assertThat(KafkaContract.aclProblems(manifests, SUITE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"guardrail-service", "routing-service", "billing-service"})
    void consumersConfiguredInTheCodeAreAllowedByTheirUser(String service) {
        KafkaContract.Consumption configured = KafkaContract.consumerConfig(
                Repo.ROOT.resolve(service).resolve("app/src/main/resources/application.properties"));

        assertThat(configured.topics()).isNotEmpty();
        assertThat(KafkaContract.consumerProblems(service, configured, SUITE.get(service))).isEmpty();
    }

    @Test
    void aConsumerOfAnUnlistedTopicOrInAForeignGroupFails() {
        KafkaContract.Consumption configured = KafkaContract.consumerConfig(
                Repo.fixture("consumer-drift/application.properties"));

        assertThat(KafkaContract.consumerProblems("billing-service", configured, SUITE.get("billing-service")))
                .containsExactlyInAnyOrder(
                        "billing-service consumes atrium.provider.attempts, which its KafkaUser may not read",
                        "billing-service consumes in group guardrail-service instead of billing-service");
    }

    @Test
    void aTopicTheCodeUsesWithoutKafkaTopicOrAnUnusedOneFails() {
        List<ObjectNode> manifests = Kustomize.render(Repo.fixture("kafka-drift"));

        assertThat(KafkaContract.topicProblems(manifests, Set.of("atrium.usage.recorded", "atrium.workspace.events"),
                PLANNED)).containsExactlyInAnyOrder(
                "topic atrium.usage.recorded is used in code but has no KafkaTopic",
                "KafkaTopic atrium.forgotten.events is not used in code");
    }

    @Test
    void anAclBeyondTheSuiteTableFails() {
        List<ObjectNode> manifests = Kustomize.render(Repo.fixture("kafka-drift"));

        assertThat(KafkaContract.aclProblems(manifests, Map.of("billing-service", SUITE.get("billing-service"))))
                .containsExactlyInAnyOrder(
                        "KafkaUser billing-service writes [atrium.billing.balance, atrium.usage.recorded]"
                                + " but publishes [atrium.billing.balance]",
                        "KafkaUser billing-service reads [atrium.usage.recorded] but consumes "
                                + SUITE.get("billing-service").consumes(),
                        "KafkaUser billing-service may use another's group guardrail-service",
                        "KafkaUser billing-service has no consumer group billing-service");
    }

    private static KafkaContract.Access access(Set<String> publishes, Set<String> consumes) {
        return new KafkaContract.Access(publishes, consumes);
    }
}
