package dev.atrium.local;

import java.nio.file.Path;

/** A part of the stack that failed to start, named with the log that says why. */
public class ComponentFailure extends RuntimeException {

    private final String component;
    private final Path log;

    public ComponentFailure(String component, Path log, String reason) {
        super(component + " failed: " + reason + (log == null ? "" : " (log: " + log + ")"));
        this.component = component;
        this.log = log;
    }

    public String component() {
        return component;
    }

    public Path log() {
        return log;
    }
}
