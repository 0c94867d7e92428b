package dev.atrium.local.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.util.List;

/** One provider wire protocol: how it authenticates, reads a request and shapes answers and errors. */
interface Protocol {

    /** The name recorded in the request log: "openai" or "anthropic". */
    String name();

    /** The credential the caller sent, or null when it sent none. */
    String credential(Headers headers);

    /** The message of the 401 answer to a request without a credential. */
    String missingCredentialMessage();

    CompletionRequest parse(String provider, JsonNode body) throws InvalidRequest;

    ObjectNode answer(CompletionRequest request, Completion completion);

    /** The whole stream, in order; {@link StreamFrame#token()} marks the frames that carry a word. */
    List<StreamFrame> frames(CompletionRequest request, Completion completion);

    ObjectNode error(int status, String message);
}
