package dev.atrium.workspace.application.port.in;

import dev.atrium.workspace.domain.ByokCredential;
import java.util.List;

public interface ListByokCredentialsQuery {

    /** Every provider key the workspace stored, still sealed (for masked display), by provider. */
    List<ByokCredential> credentials(String workspaceId);
}
