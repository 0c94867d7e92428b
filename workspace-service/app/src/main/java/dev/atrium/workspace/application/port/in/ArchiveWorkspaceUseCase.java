package dev.atrium.workspace.application.port.in;

public interface ArchiveWorkspaceUseCase {

    /** Its keys stop resolving at once; archiving an archived workspace changes nothing. */
    void archive(String workspaceId);
}
