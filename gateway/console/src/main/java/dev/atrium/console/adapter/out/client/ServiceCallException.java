package dev.atrium.console.adapter.out.client;

/**
 * A service refused or failed a call: {@code status} is its HTTP status (0 when it could not be reached) and
 * {@code message} the message of its error body, shown to the user as the service said it.
 */
public class ServiceCallException extends RuntimeException {

    private final int status;

    public ServiceCallException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
