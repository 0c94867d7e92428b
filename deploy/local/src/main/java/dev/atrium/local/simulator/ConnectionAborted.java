package dev.atrium.local.simulator;

import java.io.IOException;

/**
 * Thrown out of a handler to cut the connection without finishing the response: the JDK server
 * closes the socket when a handler fails, which is exactly what a crashing provider looks like.
 */
final class ConnectionAborted extends IOException {

    ConnectionAborted() {
        super("connection dropped by the simulator");
    }
}
