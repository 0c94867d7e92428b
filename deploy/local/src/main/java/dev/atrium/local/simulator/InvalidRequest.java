package dev.atrium.local.simulator;

/** A completion request the real provider would refuse with 400; the message is shown to the client. */
final class InvalidRequest extends Exception {

    InvalidRequest(String message) {
        super(message, null, false, false);
    }
}
