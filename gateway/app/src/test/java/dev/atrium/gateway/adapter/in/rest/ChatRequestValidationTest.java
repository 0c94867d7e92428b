package dev.atrium.gateway.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.common.json.JsonSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatRequestValidationTest {

    private static final ObjectMapper JSON = JsonSettings.apply(new ObjectMapper());
    private static final String HELLO = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "\"temperature\":\"hot\"                      | temperature",
            "\"temperature\":5                            | temperature",
            "\"temperature\":-0.1                         | temperature",
            "\"top_p\":1.5                                | top_p",
            "\"n\":-1                                     | n",
            "\"n\":0                                      | n",
            "\"n\":17                                     | n",
            "\"n\":1.5                                    | n",
            "\"max_tokens\":0                             | max_tokens",
            "\"max_completion_tokens\":\"10\"             | max_completion_tokens",
            "\"presence_penalty\":3                       | presence_penalty",
            "\"frequency_penalty\":-2.5                   | frequency_penalty",
            "\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]     | stop",
            "\"stop\":42                                  | stop",
            "\"tools\":\"garbage\"                        | tools",
            "\"tools\":[{\"type\":\"function\"}]          | tools[0]",
            "\"tools\":[{\"type\":\"retrieval\",\"function\":{\"name\":\"f\"}}] | tools[0]",
            "\"tool_choice\":\"always\"                   | tool_choice",
            "\"response_format\":\"json\"                 | response_format",
            "\"stream\":\"yes\"                           | stream",
            "\"seed\":\"1\"                               | seed",
            "\"logit_bias\":{\"50256\":-101}              | logit_bias",
            "\"user\":7                                   | user",
            "\"stream_options\":true                      | stream_options",
            "\"extra\":1e99999                            | extra"})
    void refusesParametersOfTheWrongTypeOrRange(String parameter, String field) throws Exception {
        ApiException e = refusal("{" + HELLO + "," + parameter + "}");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.metadata()).containsEntry("field", field);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "\"messages\":[]                                        | messages",
            "\"messages\":\"hi\"                                    | messages",
            "\"messages\":[\"hi\"]                                  | messages[0]",
            "\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"}] | messages[0].role",
            "\"messages\":[{\"content\":\"hi\"}]                    | messages[0].role",
            "\"messages\":[{\"role\":\"user\"}]                     | messages[0].content",
            "\"messages\":[{\"role\":\"user\",\"content\":null}]    | messages[0].content",
            "\"messages\":[{\"role\":\"user\",\"content\":42}]      | messages[0].content",
            "\"messages\":[{\"role\":\"user\",\"content\":[42]}]    | messages[0].content",
            "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":1}]}] | messages[0].content",
            "\"messages\":[{\"role\":\"assistant\",\"content\":null,\"tool_calls\":\"x\"}] | messages[0].tool_calls",
            "\"messages\":[{\"role\":\"tool\",\"content\":\"r\",\"tool_call_id\":5}] | messages[0].tool_call_id"})
    void refusesMalformedMessages(String messages, String field) throws Exception {
        ApiException e = refusal("{" + messages + "}");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.metadata()).containsEntry("field", field);
    }

    @Test
    void acceptsAFullValidRequestAndPassesUnknownFieldsThrough() throws Exception {
        String body = "{\"model\":\"openai/gpt-4o-mini\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"be brief\"},"
                + "{\"role\":\"developer\",\"content\":[{\"type\":\"text\",\"text\":\"rules\"}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/y.png\"}}]},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"42\"}],"
                + "\"temperature\":2,\"top_p\":0,\"n\":16,\"max_tokens\":10,\"max_completion_tokens\":10,"
                + "\"presence_penalty\":-2,\"frequency_penalty\":2,\"stop\":[\"a\",\"b\",\"c\",\"d\"],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\"}}}],"
                + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"f\"}},"
                + "\"response_format\":{\"type\":\"json_object\"},\"stream\":false,\"seed\":-7,"
                + "\"logit_bias\":{\"50256\":-100},\"user\":\"u-1\",\"provider\":{\"sort\":\"price\"},"
                + "\"some_provider_extra\":{\"deep\":[1,2,{\"x\":true}]}}";
        assertThatCode(() -> ChatRequestValidation.check((ObjectNode) JSON.readTree(body))).doesNotThrowAnyException();
    }

    @Test
    void aPromptOverTheMaximumIs413() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree("{\"messages\":[{\"role\":\"user\",\"content\":\"\"}]}");
        ((ObjectNode) body.get("messages").get(0)).put("content", "x".repeat(ChatRequestValidation.MAX_PROMPT_CHARACTERS + 1));
        ApiException e = catchThrowableOfType(ApiException.class, () -> ChatRequestValidation.check(body));
        assertThat(e.status()).isEqualTo(413);
        assertThat(e.getMessage()).contains("at most 1000000");
        ((ObjectNode) body.get("messages").get(0)).put("content", "x".repeat(ChatRequestValidation.MAX_PROMPT_CHARACTERS));
        assertThatCode(() -> ChatRequestValidation.check(body)).doesNotThrowAnyException();
    }

    @Test
    void refusesNestingDeeperThanTheLimit() throws Exception {
        String deep = "[".repeat(100) + "]".repeat(100);
        ApiException e = refusal("{" + HELLO + ",\"extra\":" + deep + "}");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("The body is nested deeper than 64 levels");
    }

    private static ApiException refusal(String body) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(body);
        return catchThrowableOfType(ApiException.class, () -> ChatRequestValidation.check(node));
    }
}
