package dev.atrium.local.simulator;

/**
 * What the simulator needs from a chat request, whichever protocol carried it.
 *
 * @param provider      the provider named in the path
 * @param model         the model asked for, echoed in the answer
 * @param stream        whether the answer is streamed
 * @param includeUsage  whether an OpenAI stream ends with a usage chunk
 * @param maxTokens     the caller's completion limit, or null
 * @param promptChars   characters of all message (and system) text
 * @param lastUserText  text of the last user message, empty when there is none
 * @param toolCall      the tool call the answer makes instead of text (Anthropic only), or null
 */
record CompletionRequest(String provider, String model, boolean stream, boolean includeUsage,
                         Integer maxTokens, long promptChars, String lastUserText, ToolCall toolCall) {

    CompletionRequest(String provider, String model, boolean stream, boolean includeUsage, Integer maxTokens,
                      long promptChars, String lastUserText) {
        this(provider, model, stream, includeUsage, maxTokens, promptChars, lastUserText, null);
    }

    /** A call of a tool the request offered: its name and input. */
    record ToolCall(String id, String name, com.fasterxml.jackson.databind.node.ObjectNode input) {
    }
}
