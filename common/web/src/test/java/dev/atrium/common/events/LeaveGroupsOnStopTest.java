package dev.atrium.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class LeaveGroupsOnStopTest {

    private static Config config(Map<String, String> properties) {
        // The default interceptors expand ${...} expressions, as Quarkus's configuration does.
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    @Test
    void eachGroupsStaticMembersAreTheChannelsWithAnInstanceId() {
        Config config = config(Map.of(
                "atrium.instance-id", "billing-7d9f-abcde",
                "mp.messaging.incoming.usage.group.id", "billing-service",
                "mp.messaging.incoming.usage.group.instance.id", "${atrium.instance-id}-usage",
                "mp.messaging.incoming.workspace-events.group.id", "billing-service",
                "mp.messaging.incoming.workspace-events.group.instance.id", "${atrium.instance-id}-workspace-events",
                // A dynamic member leaves by itself when its consumer closes.
                "mp.messaging.incoming.balance.group.id", "guardrail-service",
                "mp.messaging.outgoing.usage.topic", "atrium.usage.recorded"));

        assertThat(LeaveGroupsOnStop.staticMembers(config)).isEqualTo(Map.of("billing-service",
                List.of("billing-7d9f-abcde-usage", "billing-7d9f-abcde-workspace-events")));
    }

    @Test
    void aDisabledChannelHasNoMemberAndTheGroupMayComeFromTheKafkaDefaults() {
        Config config = config(Map.of(
                "kafka.group.id", "routing-service",
                "mp.messaging.incoming.provider-attempts.group.instance.id", "local-routing-provider-attempts",
                "mp.messaging.incoming.workspace-events.group.instance.id", "local-routing-workspace-events",
                "mp.messaging.incoming.workspace-events.enabled", "false"));

        assertThat(LeaveGroupsOnStop.staticMembers(config))
                .isEqualTo(Map.of("routing-service", List.of("local-routing-provider-attempts")));
    }

    @Test
    void aProcessWithoutStaticMembersHasNothingToLeave() {
        assertThat(LeaveGroupsOnStop.staticMembers(config(Map.of(
                "mp.messaging.incoming.workspace-events.group.id", "gateway-1",
                "mp.messaging.incoming.workspace-events.session.timeout.ms", "6000")))).isEmpty();
    }
}
