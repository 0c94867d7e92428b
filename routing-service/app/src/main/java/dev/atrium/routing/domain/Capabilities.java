package dev.atrium.routing.domain;

import java.util.ArrayList;
import java.util.List;

/** What a model accepts beyond plain chat. */
public record Capabilities(boolean tools, boolean jsonMode, boolean vision, boolean streaming) {

    private static final List<String> SAMPLING = List.of("max_tokens", "temperature", "top_p", "stop",
            "frequency_penalty", "presence_penalty", "seed");

    /** The request parameters the model honours, named as in the OpenAI chat API. */
    public List<String> supportedParameters() {
        List<String> parameters = new ArrayList<>(SAMPLING);
        if (tools) {
            parameters.add("tools");
            parameters.add("tool_choice");
        }
        if (jsonMode) {
            parameters.add("response_format");
        }
        return List.copyOf(parameters);
    }

    public List<String> inputModalities() {
        return vision ? List.of("text", "image") : List.of("text");
    }
}
