package dev.atrium.gateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.adapter.in.rest.ChatRequestReader;
import dev.atrium.gateway.application.port.in.StreamChatUseCase.ChatStream;
import dev.atrium.guardrail.api.CheckResult;
import io.smallrye.mutiny.Multi;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The provider can never produce more than was reserved, and a request never lasts past its deadline. */
class MoneyPathTest {

    private static final String RESERVED = "0.0001";

    private final Fakes fakes = new Fakes();
    private ChatCompletionService service = fakes.service(Clock.systemUTC());

    MoneyPathTest() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.000001", "0.000001", false));
        fakes.verdict = reserving(50);
    }

    @Test
    void aRequestWithoutMaxTokensIsSentTheCompletionItsReservationCovers() {
        complete(body());
        assertThat(fakes.lastBody.path("max_tokens").asInt()).isEqualTo(50);
    }

    @Test
    void theCompletionSentIsAtMostTheEndpointsOwnMaximum() {
        fakes.verdict = reserving(100_000);
        complete(body());
        assertThat(fakes.lastBody.path("max_tokens").asInt()).as("the candidate's max completion").isEqualTo(16384);
    }

    @Test
    void openRouterOnlyFieldsNeverReachTheProvider() {
        ObjectNode body = body().put("session_id", "s1");
        body.putArray("transforms").add("middle-out");
        body.putObject("usage").put("include", true);
        body.putObject("provider").put("sort", "price");
        complete(body);
        assertThat(fakes.lastBody.has("transforms")).isFalse();
        assertThat(fakes.lastBody.has("usage")).isFalse();
        assertThat(fakes.lastBody.has("session_id")).isFalse();
        assertThat(fakes.lastBody.has("provider")).isFalse();
        assertThat(fakes.lastBody.path("messages").isArray()).isTrue();
    }

    @Test
    void aRequestsOwnMaxTokensIsSentAsItIs() {
        complete(body().put("max_completion_tokens", 20));
        assertThat(fakes.lastBody.has("max_tokens")).isFalse();
        assertThat(fakes.lastBody.path("max_completion_tokens").asInt()).isEqualTo(20);
    }

    @Test
    void nIsCountedInTheCheckSoTheReservationCoversEveryChoice() {
        complete(body().put("n", 8));
        assertThat(fakes.lastCheck().choices()).isEqualTo(8);
        assertThatThrownBy(() -> complete(body().put("n", 0))).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    }

    @Test
    void aNonStreamingAnswerIsChargedAtMostTheReservation() {
        // The fake provider reports 12 + 34 tokens at $0.01 each: $0.46, far past the $0.0001 held.
        fakes.candidates = List.of(Fakes.candidate("openai", "0.01", "0.01", false));
        ObjectNode answer = complete(body());
        assertThat(answer.path("usage").path("cost").decimalValue()).isEqualByComparingTo(RESERVED);
        assertThat(fakes.usage).singleElement().satisfies(u -> {
            assertThat(u.cost()).isEqualByComparingTo(RESERVED);
            assertThat(u.completionTokens()).as("the tokens stay as the provider reported them").isEqualTo(34);
        });
    }

    @Test
    void aProviderThatIgnoresMaxTokensIsCutOffMidStreamAtTheReservation() {
        List<ObjectNode> words = new ArrayList<>(List.of(Fakes.roleChunk()));
        IntStream.range(0, 500).forEach(i -> words.add(Fakes.contentChunk(" word")));
        fakes.streams.put("openai", Multi.createFrom().iterable(words));

        List<ObjectNode> chunks = open().chunks().collect().asList().await().indefinitely();

        long relayed = chunks.stream().filter(c -> !c.path("choices").path(0).path("delta").path("content")
                .asText("").isEmpty()).count();
        assertThat(relayed).as("one token a word, 50 reserved").isEqualTo(50);
        ObjectNode end = chunks.get(chunks.size() - 2);
        assertThat(end.path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
        ObjectNode usage = chunks.get(chunks.size() - 1);
        assertThat(usage.path("usage").path("completion_tokens").asLong()).isEqualTo(50);
        assertThat(fakes.usage).singleElement().satisfies(u -> {
            assertThat(u.completionTokens()).isEqualTo(50);
            assertThat(u.finishReason()).isEqualTo("length");
            assertThat(u.cost()).isLessThanOrEqualTo(new BigDecimal(RESERVED));
        });
    }

    @Test
    void everyChoiceCountsAgainstTheSameBound() {
        fakes.verdict = reserving(10);
        List<ObjectNode> words = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ObjectNode chunk = JsonNodeFactory.instance.objectNode();
            chunk.putArray("choices").addObject().put("index", i % 2).putObject("delta").put("content", "w");
            words.add(chunk);
        }
        fakes.streams.put("openai", Multi.createFrom().iterable(words));
        ObjectNode body = body().put("n", 2);
        List<ObjectNode> chunks = service.open(ChatRequestReader.command(Fakes.KEY, body))
                .await().indefinitely().chunks().collect().asList().await().indefinitely();
        assertThat(chunks.stream().filter(c -> c.path("choices").path(0).path("delta").has("content")).count())
                .as("10 tokens for each of 2 choices").isEqualTo(20);
        assertThat(chunks.get(chunks.size() - 2).path("choices")).hasSize(2)
                .allSatisfy(c -> assertThat(c.path("finish_reason").asText()).isEqualTo("length"));
    }

    @Test
    void aStreamDroppedBeforeItsFirstContentFailsOverAndIsNotCharged() {
        fakes.candidates = List.of(Fakes.candidate("flaky", "0.000001", "0.000001", false),
                Fakes.candidate("openai", "0.000001", "0.000001", false));
        fakes.streams.put("flaky", Multi.createBy().concatenating().streams(Multi.createFrom().item(Fakes.roleChunk()),
                Multi.createFrom().failure(new IllegalStateException("connection reset"))));

        List<ObjectNode> chunks = open().chunks().collect().asList().await().indefinitely();

        assertThat(chunks).allSatisfy(c -> assertThat(c.path("provider").asText()).isEqualTo("openai"));
        assertThat(fakes.attempts).extracting(a -> a.provider() + ":" + a.outcome())
                .containsExactly("flaky:error", "openai:success");
        assertThat(fakes.usage).singleElement().satisfies(u -> assertThat(u.provider()).isEqualTo("openai"));
    }

    @Test
    void aStreamClosedWithoutContentFailsOverToo() {
        fakes.candidates = List.of(Fakes.candidate("flaky", "0.000001", "0.000001", false),
                Fakes.candidate("openai", "0.000001", "0.000001", false));
        fakes.streams.put("flaky", Multi.createFrom().empty());
        open().chunks().collect().asList().await().indefinitely();
        assertThat(fakes.usage).singleElement().satisfies(u -> assertThat(u.provider()).isEqualTo("openai"));
    }

    @Test
    void aProviderSilentPastTheFirstTokenTimeoutIsGivenUpForTheNext() {
        fakes.firstTokenTimeout = Duration.ofMillis(200);
        service = fakes.service(Clock.systemUTC());
        fakes.candidates = List.of(Fakes.candidate("silent", "0.000001", "0.000001", false),
                Fakes.candidate("openai", "0.000001", "0.000001", false));
        boolean[] cancelled = {false};
        fakes.streams.put("silent", Multi.createFrom().<ObjectNode>nothing().onCancellation().invoke(() -> cancelled[0] = true));

        open().chunks().collect().asList().await().atMost(Duration.ofSeconds(5));

        assertThat(cancelled[0]).as("the silent provider's call is abandoned").isTrue();
        assertThat(fakes.attempts).extracting(a -> a.provider() + ":" + a.outcome())
                .containsExactly("silent:timeout", "openai:success");
    }

    @Test
    void aStreamPastTheRequestDeadlineEndsWithA504() {
        // One stream first, so that a busy machine's class loading does not eat the deadline before the next begins.
        open().chunks().collect().asList().await().atMost(Duration.ofSeconds(10));
        fakes.usage.clear();
        fakes.requestDeadline = Duration.ofSeconds(3);
        service = fakes.service(Clock.systemUTC());
        fakes.streams.put("openai", Multi.createBy().concatenating().streams(
                Multi.createFrom().item(Fakes.contentChunk("Hello")), Multi.createFrom().nothing()));
        ChatStream stream = open();
        assertThatThrownBy(() -> stream.chunks().collect().asList().await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(504));
        assertThat(fakes.usage).singleElement().satisfies(u -> assertThat(u.finishReason()).isEqualTo("error"));
    }

    @Test
    void aNonStreamingRequestPastItsDeadlineIs504AndReleasesItsHold() {
        fakes.requestDeadline = Duration.ofMillis(200);
        service = fakes.service(Clock.systemUTC());
        fakes.verdict = new CheckResult(true, 200, null, null, "res_1", "org:1", null, List.of(), List.of(), 50,
                new BigDecimal(RESERVED));
        fakes.hangComplete = true;
        assertThatThrownBy(() -> complete(body())).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(504));
        assertThat(fakes.released).containsExactly("res_1");
    }

    private static CheckResult reserving(int completionTokens) {
        return new CheckResult(true, 200, null, null, null, "org:1", null, List.of(), List.of(), completionTokens,
                new BigDecimal(RESERVED));
    }

    private ObjectNode complete(ObjectNode body) {
        return service.complete(ChatRequestReader.command(Fakes.KEY, body))
                .await().atMost(Duration.ofSeconds(5));
    }

    private ChatStream open() {
        ObjectNode body = body().put("stream", true);
        return service.open(ChatRequestReader.command(Fakes.KEY, body))
                .await().indefinitely();
    }

    private static ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", "openai/gpt-4o-mini");
        body.putArray("messages").addObject().put("role", "user").put("content", "Hello there");
        return body;
    }
}
