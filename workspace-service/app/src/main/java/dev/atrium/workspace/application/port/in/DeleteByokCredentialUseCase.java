package dev.atrium.workspace.application.port.in;

public interface DeleteByokCredentialUseCase {

    void delete(String workspaceId, String provider);
}
