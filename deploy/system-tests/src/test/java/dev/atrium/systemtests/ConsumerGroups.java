package dev.atrium.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;

/** What the shared stack's Kafka says of a consumer group: its members and their partitions, as operators see them. */
final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** The group's members now (an empty list for a group without any). */
    static List<MemberDescription> members(String group) {
        return List.copyOf(describe(group).members());
    }

    /**
     * From now until the group is stable (no rebalance under way) with each member of {@code instanceIds} holding
     * partitions; fails after {@code timeout}. A rebalance pauses every member of the group until it ends.
     */
    static Duration untilStable(String group, List<String> instanceIds, Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        ConsumerGroupDescription now = describe(group);
        while (!stable(now, instanceIds)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(group + " not stable with " + instanceIds + " holding partitions within "
                        + timeout + ": " + now);
            }
            Conservation.sleep(100);
            now = describe(group);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static boolean stable(ConsumerGroupDescription group, List<String> instanceIds) {
        return group.groupState() == GroupState.STABLE && instanceIds.stream().allMatch(id -> group.members().stream()
                .anyMatch(m -> m.groupInstanceId().filter(id::equals).isPresent()
                        && !m.assignment().topicPartitions().isEmpty()));
    }

    private static ConsumerGroupDescription describe(String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + SharedStack.ports().kafka()))) {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not describe consumer group " + group, e.getCause());
        }
    }

    /** From now until the member with this {@code group.instance.id} holds partitions; fails after {@code timeout}. */
    static Duration untilAssigned(String group, String instanceId, Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (members(group).stream().noneMatch(m -> m.groupInstanceId().filter(instanceId::equals).isPresent()
                && !m.assignment().topicPartitions().isEmpty())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(instanceId + " held no partition of " + group + " within " + timeout
                        + "; members: " + members(group));
            }
            Conservation.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
