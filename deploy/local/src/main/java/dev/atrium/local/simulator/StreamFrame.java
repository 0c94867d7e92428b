package dev.atrium.local.simulator;

/**
 * One server-sent event.
 *
 * @param event the {@code event:} line, or null for OpenAI's data-only frames
 * @param data  the {@code data:} payload
 * @param token whether the frame carries a generated word, and so is paced by tokens_per_second
 */
record StreamFrame(String event, String data, boolean token) {

    static StreamFrame data(String data) {
        return new StreamFrame(null, data, false);
    }

    static StreamFrame token(String event, String data) {
        return new StreamFrame(event, data, true);
    }
}
