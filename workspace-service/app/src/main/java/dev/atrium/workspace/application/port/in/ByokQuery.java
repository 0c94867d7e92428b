package dev.atrium.workspace.application.port.in;

import dev.atrium.workspace.api.ByokSecret;
import dev.atrium.workspace.domain.ByokCredential;

public interface ByokQuery {

    /** The stored credential, still sealed: for masked display. */
    ByokCredential credential(String workspaceId, String provider);

    /** The decrypted key, for the gateway only; empty when the workspace is archived. */
    ByokSecret secret(String workspaceId, String provider);
}
