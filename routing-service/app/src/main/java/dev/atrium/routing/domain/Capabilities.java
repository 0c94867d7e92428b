package dev.atrium.routing.domain;

import java.util.ArrayList;
import java.util.List;

/** What a model accepts beyond plain chat. */
public record Capabilities(boolean tools, boolean jsonMode, boolean vision, boolean streaming) {

    private static final List<String> SAMPLING = List.of("max_tokens", "temperature", "top_p", "stop",
            "frequency_penalty", "presence_penalty", "seed");

    /** Every optional request parameter routing knows; {@code require_parameters} ignores the others. */
    public static final List<String> KNOWN_PARAMETERS = List.of("max_tokens", "temperature", "top_p", "stop",
            "frequency_penalty", "presence_penalty", "seed", "tools", "tool_choice", "response_format");

    /** Whether the model honours every known parameter of the list. */
    public boolean supportsAll(List<String> parameters) {
        List<String> supported = supportedParameters();
        return parameters.stream().filter(KNOWN_PARAMETERS::contains).allMatch(supported::contains);
    }

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
