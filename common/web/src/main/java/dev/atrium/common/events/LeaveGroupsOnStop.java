package dev.atrium.common.events;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupResult;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * A process that stops gracefully takes its static Kafka consumers out of their groups, so their partitions
 * move to the other instances at once instead of after the session timeout (docs/adr/0029-consumers-leave-on-stop.md).
 * A static member does not leave when its consumer closes, and the messaging connector closes it without
 * Kafka's {@code CloseOptions}: this observer runs after the connector has closed every consumer (and committed
 * their offsets) and removes the members by their {@code group.instance.id} through the admin API. A crash
 * (kill -9, OOM) runs nothing: the same instance id coming back replaces its old member at once, and one that
 * does not come back is removed by the session timeout.
 */
@Singleton
public class LeaveGroupsOnStop {

    private static final Logger LOG = Logger.getLogger(LeaveGroupsOnStop.class);
    private static final String INCOMING = "mp.messaging.incoming.";
    private static final String INSTANCE_ID = ".group.instance.id";
    /** A stop must not wait long on a broker that is away: the session timeout removes the members then. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Config config;

    LeaveGroupsOnStop(Config config) {
        this.config = config;
    }

    /** After the connector's own observer (priority 50), which closes the consumers. */
    void leave(@Observes @Priority(60) @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        Map<String, List<String>> members = staticMembers(config);
        if (members.isEmpty()) {
            return;
        }
        Properties settings = KafkaSettings.from(config);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        Admin admin = null;
        try {
            admin = Admin.create(settings);
            leave(admin, members);
        } catch (RuntimeException e) {
            LOG.warnf("Could not leave the consumer groups %s (their session timeout removes the members): %s",
                    members.keySet(), e.toString());
        } finally {
            if (admin != null) {
                admin.close(Duration.ZERO);
            }
        }
    }

    /**
     * Removes each group's static members, each answered on its own: a member already gone (its consumer closed
     * more than a session before, or it never joined) is not an error.
     */
    static void leave(Admin admin, Map<String, List<String>> members) {
        members.forEach((group, instances) -> {
            List<MemberToRemove> leaving = instances.stream().map(MemberToRemove::new).toList();
            RemoveMembersFromConsumerGroupOptions options = new RemoveMembersFromConsumerGroupOptions(leaving);
            options.reason("the instance stops");
            RemoveMembersFromConsumerGroupResult result = admin.removeMembersFromConsumerGroup(group, options);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            for (MemberToRemove member : leaving) {
                try {
                    result.memberResult(member).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    LOG.infof("Left consumer group %s as %s", group, member.groupInstanceId());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnknownMemberIdException) {
                        LOG.infof("Consumer group %s has no member %s any more", group, member.groupInstanceId());
                    } else {
                        LOG.warnf("Could not remove %s from consumer group %s (the session timeout removes it): %s",
                                member.groupInstanceId(), group, e.getCause().toString());
                    }
                } catch (TimeoutException e) {
                    LOG.warnf("Consumer group %s: Kafka did not answer within %s; the session timeout removes %s",
                            group, TIMEOUT, member.groupInstanceId());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    /**
     * Each group's static members in this process: every enabled incoming channel with a
     * {@code group.instance.id}, under its {@code group.id} (the channel's, else {@code kafka.group.id}).
     */
    static Map<String, List<String>> staticMembers(Config config) {
        Map<String, List<String>> members = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith(INCOMING) || !name.endsWith(INSTANCE_ID)) {
                continue;
            }
            String channel = INCOMING + name.substring(INCOMING.length(), name.length() - INSTANCE_ID.length());
            if (!config.getOptionalValue(channel + ".enabled", Boolean.class).orElse(true)) {
                continue;
            }
            var instance = config.getOptionalValue(name, String.class);
            var group = config.getOptionalValue(channel + ".group.id", String.class)
                    .or(() -> config.getOptionalValue("kafka.group.id", String.class));
            if (instance.isPresent() && group.isPresent()) {
                members.computeIfAbsent(group.get(), g -> new ArrayList<>()).add(instance.get());
            }
        }
        members.values().forEach(list -> list.sort(null));
        return members;
    }
}
