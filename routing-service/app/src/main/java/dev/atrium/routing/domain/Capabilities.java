package dev.atrium.routing.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What a model accepts beyond plain chat. */
public record Capabilities(boolean tools, boolean jsonMode, boolean vision, boolean streaming) {

    private static final List<String> SAMPLING = List.of("max_tokens", "temperature", "top_p", "stop",
            "frequency_penalty", "presence_penalty", "seed");

    /** Every optional request parameter routing knows; {@code require_parameters} ignores the others. */
    public static final List<String> KNOWN_PARAMETERS = List.of("max_tokens", "temperature", "top_p", "stop",
            "frequency_penalty", "presence_penalty", "seed", "tools", "tool_choice", "response_format");

    /** Whether the model, served over this protocol, honours every known parameter of the list. */
    public boolean supportsAll(List<String> parameters, Protocol protocol) {
        List<String> supported = supportedParameters(protocol);
        return parameters.stream().filter(KNOWN_PARAMETERS::contains).allMatch(supported::contains);
    }

    /**
     * The request parameters the model honours when served over this protocol, named as in the OpenAI
     * chat API: what the model can do and the gateway's adapter for the protocol carries.
     */
    public List<String> supportedParameters(Protocol protocol) {
        List<String> parameters = new ArrayList<>(SAMPLING);
        if (tools) {
            parameters.add("tools");
            parameters.add("tool_choice");
        }
        if (jsonMode) {
            parameters.add("response_format");
        }
        return parameters.stream().filter(protocol::carries).toList();
    }

    /** Over endpoints of several protocols: what at least one of them honours (a model's list, as OpenRouter's). */
    public List<String> supportedParameters(Collection<Protocol> protocols) {
        return supportedParameters(Protocol.OPENAI).stream()
                .filter(p -> protocols.stream().anyMatch(protocol -> protocol.carries(p))).toList();
    }

    public List<String> inputModalities() {
        return vision ? List.of("text", "image") : List.of("text");
    }
}
