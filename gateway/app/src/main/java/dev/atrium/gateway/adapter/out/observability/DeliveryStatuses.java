package dev.atrium.gateway.adapter.out.observability;

import dev.atrium.gateway.application.port.out.DeliveryStatusWriter;
import dev.atrium.workspace.api.DeliveryStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Brings the outcome of deliveries to workspace-service off the hot path, throttled: a destination's
 * status is written when it changes (delivered, or a different error) and otherwise at most once per
 * {@link #EVERY}, so a busy destination costs one internal call a minute, not one per generation.
 */
final class DeliveryStatuses {

    private static final Logger LOG = Logger.getLogger(DeliveryStatuses.class);
    static final Duration EVERY = Duration.ofMinutes(1);
    private static final int MAX_TRACKED = 10_000;

    private record Reported(boolean delivered, String error, Instant at) {
    }

    private final DeliveryStatusWriter writer;
    private final Clock clock;
    private final Map<String, Reported> reported = new ConcurrentHashMap<>();

    DeliveryStatuses(DeliveryStatusWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    void delivered(String workspaceId, String endpoint) {
        report(workspaceId, endpoint, true, null);
    }

    void failed(String workspaceId, String endpoint, String error) {
        String reason = error == null ? "failed" : error.length() > 300 ? error.substring(0, 300) : error;
        report(workspaceId, endpoint, false, reason);
    }

    private void report(String workspaceId, String endpoint, boolean delivered, String error) {
        Instant now = clock.instant();
        String key = workspaceId + " " + endpoint;
        Reported last = reported.get(key);
        if (last != null && last.delivered() == delivered && Objects.equals(last.error(), error)
                && last.at().plus(EVERY).isAfter(now)) {
            return;
        }
        if (reported.size() >= MAX_TRACKED) {
            reported.clear();
        }
        reported.put(key, new Reported(delivered, error, now));
        writer.deliveryStatus(workspaceId, new DeliveryStatus(endpoint, delivered, error, now)).subscribe().with(
                done -> { },
                e -> {
                    reported.remove(key); // try again with the next outcome
                    LOG.debugf("Delivery status of workspace %s not written: %s", workspaceId, e.getMessage());
                });
    }
}
