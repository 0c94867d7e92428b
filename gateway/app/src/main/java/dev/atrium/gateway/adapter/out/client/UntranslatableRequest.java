package dev.atrium.gateway.adapter.out.client;

/**
 * A request the Anthropic adapter cannot carry faithfully (unparseable tool arguments, an image it cannot
 * send, a part type it does not know): refused as the caller's error instead of being sent with parts missing.
 */
final class UntranslatableRequest extends RuntimeException {

    private final String field;

    UntranslatableRequest(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    String field() {
        return field;
    }
}
