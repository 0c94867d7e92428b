package dev.atrium.guardrail.domain.admission;

/** Why a request is refused: the HTTP status the gateway answers with, a message naming the limit and level. */
public record Denial(int status, String message, Integer retryAfterSeconds) {

    public static Denial budget(String message) {
        return new Denial(402, message, null);
    }
}
