package dev.atrium.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonHealingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("fenced", "```json\n{\"a\": 1}\n```", "{\"a\":1}"),
                Arguments.of("prose around", "Sure! Here it is: {\"a\": [1, 2]} Hope that helps.", "{\"a\":[1,2]}"),
                Arguments.of("trailing commas", "{\"a\": [1, 2,], \"b\": 3,}", "{\"a\":[1,2],\"b\":3}"),
                Arguments.of("cut off", "{\"a\": {\"b\": [1, 2", "{\"a\":{\"b\":[1,2]}}"),
                Arguments.of("open string", "{\"name\": \"Ada", "{\"name\":\"Ada\"}"),
                Arguments.of("braces inside strings", "{\"s\": \"} not the end {\"}", "{\"s\":\"} not the end {\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void repairsIntoValidJson(String label, String broken, String expected) throws Exception {
        assertThat(JSON.readTree(JsonHealing.repair(broken))).isEqualTo(JSON.readTree(expected));
    }

    @Test
    void leavesTextWithoutJsonAlone() {
        assertThat(JsonHealing.repair("no json here")).isEqualTo("no json here");
    }
}
