package dev.atrium.gateway.adapter.out.client;

/**
 * A request the Anthropic adapter cannot carry faithfully (unparseable tool arguments, an image it cannot
 * send, a part type it does not know): refused as the caller's error instead of being sent with parts missing.
 * The message starts with the field, as in {@code messages[3].tool_calls[0].function.arguments: ...}.
 */
final class UntranslatableRequest extends RuntimeException {

    UntranslatableRequest(String field, String problem) {
        super(field + ": " + problem);
    }
}
