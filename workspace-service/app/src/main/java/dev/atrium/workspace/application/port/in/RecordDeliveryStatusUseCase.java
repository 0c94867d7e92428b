package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import java.time.Instant;

public interface RecordDeliveryStatusUseCase {

    /** Records the gateway's delivery outcome for one of the workspace's destinations (others are ignored). */
    void record(DeliveryStatusCommand command);

    record DeliveryStatusCommand(String workspaceId, String endpoint, boolean delivered, String error, Instant at) {

        public DeliveryStatusCommand {
            InvalidFieldException.requireText("endpoint", endpoint, 2048);
            if (at == null) {
                throw new InvalidFieldException("at", "at is required");
            }
            error = delivered || error == null ? null : error.length() > 300 ? error.substring(0, 300) : error;
            if (!delivered && error == null) {
                error = "failed";
            }
        }
    }
}
