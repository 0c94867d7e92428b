package dev.atrium.workspace.application.port.in;

/** Reads the directory's record of deleted users since the last read and removes each here, their keys with them. */
public interface FollowDeletionsUseCase {

    /** The number of deletions applied. */
    int follow();
}
