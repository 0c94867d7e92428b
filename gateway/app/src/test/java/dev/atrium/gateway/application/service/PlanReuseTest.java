package dev.atrium.gateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.adapter.in.rest.ChatRequestReader;
import dev.atrium.routing.api.Candidate;
import dev.atrium.routing.api.RoutePlan;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A plan routing marks reusable answers identical requests for the time it gave, drawn anew each time. */
class PlanReuseTest {

    private static final long MS = 1_000_000;

    private final Fakes fakes = new Fakes();
    private final ChatCompletionService service = fakes.service(Clock.systemUTC());

    @BeforeEach
    void twoBalancedCandidates() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.00000015", "0.0000006", false),
                Fakes.candidate("azure", "0.00000015", "0.0000006", false));
        fakes.reuse = new RoutePlan.Reuse(1000, List.of(new RoutePlan.Balanced(0, List.of(1.0, 1.0))));
    }

    @Test
    void identicalRequestsWithinTheReusePeriodAskRoutingOnceAndStillSpreadOverTheRun() {
        Set<String> firstCalled = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            fakes.called.clear();
            complete(body("openai/gpt-4o-mini"));
            firstCalled.add(fakes.called.get(0));
            fakes.nanos += 10 * MS;
        }

        assertThat(fakes.plansAsked).isEqualTo(1);
        assertThat(firstCalled).containsExactlyInAnyOrder("openai:gpt-4o-mini", "azure:gpt-4o-mini");
        assertThat(fakes.usage).hasSize(40);
    }

    @Test
    void afterThePeriodRoutingIsAskedAgain() {
        complete(body("openai/gpt-4o-mini"));
        fakes.nanos += 999 * MS;
        complete(body("openai/gpt-4o-mini"));
        fakes.nanos += MS;
        complete(body("openai/gpt-4o-mini"));

        assertThat(fakes.plansAsked).isEqualTo(2);
    }

    @Test
    void aPlanInUseIsAskedForAgainAheadOfItsEndSoNoRequestWaitsForRouting() {
        complete(body("openai/gpt-4o-mini"));
        fakes.nanos += 749 * MS;
        complete(body("openai/gpt-4o-mini"));
        assertThat(fakes.plansAsked).isEqualTo(1);
        fakes.nanos += MS;
        complete(body("openai/gpt-4o-mini"));
        assertThat(fakes.plansAsked).as("asked again at three quarters of the period").isEqualTo(2);
        fakes.nanos += 700 * MS;
        complete(body("openai/gpt-4o-mini"));
        assertThat(fakes.plansAsked).as("past the first plan's end, the fresh one answers").isEqualTo(2);
        fakes.nanos += 1000 * MS;
        complete(body("openai/gpt-4o-mini"));
        assertThat(fakes.plansAsked).as("a plan is never used past its own period").isEqualTo(3);
        assertThat(fakes.usage).hasSize(5);
    }

    @Test
    void anotherPlanRequestIsPlannedOnItsOwn() {
        complete(body("openai/gpt-4o-mini"));
        ObjectNode sorted = body("openai/gpt-4o-mini");
        sorted.putObject("provider").put("sort", "price");
        complete(sorted);
        complete(sorted);

        assertThat(fakes.plansAsked).isEqualTo(2);
    }

    @Test
    void aPlanWithoutReuseIsAskedForEveryRequest() {
        fakes.reuse = null;
        complete(body("openai/gpt-4o-mini"));
        complete(body("openai/gpt-4o-mini"));

        assertThat(fakes.plansAsked).isEqualTo(2);
    }

    @Test
    void aFailedProviderAttemptSendsTheNextRequestToRouting() {
        fakes.reuse = new RoutePlan.Reuse(1000, List.of());
        complete(body("openai/gpt-4o-mini"));
        fakes.failingProviders.put("openai", 503);
        complete(body("openai/gpt-4o-mini"));
        complete(body("openai/gpt-4o-mini"));

        assertThat(fakes.plansAsked).isEqualTo(2);
        assertThat(fakes.called).endsWith("openai:gpt-4o-mini", "azure:gpt-4o-mini");
    }

    @Test
    void aFailedAttemptForgetsOnlyThePlansNamingThatProvider() {
        fakes.reuse = new RoutePlan.Reuse(1000, List.of());
        List<Candidate> openaiAndAzure = fakes.candidates;
        fakes.candidates = List.of(Fakes.candidate("anthropic", "0.00000015", "0.0000006", false));
        complete(body("anthropic/claude-3-haiku"));
        fakes.candidates = openaiAndAzure;
        complete(body("openai/gpt-4o-mini"));
        assertThat(fakes.plansAsked).isEqualTo(2);

        fakes.failingProviders.put("openai", 503);
        complete(body("openai/gpt-4o-mini"));
        complete(body("openai/gpt-4o-mini"));
        assertThat(fakes.plansAsked).as("the plan naming openai is asked for again").isEqualTo(3);
        complete(body("anthropic/claude-3-haiku"));
        assertThat(fakes.plansAsked).as("the plan without openai is still reused").isEqualTo(3);
    }

    private void complete(ObjectNode body) {
        service.complete(ChatRequestReader.command(Fakes.KEY, body)).await().indefinitely();
    }

    private static ObjectNode body(String model) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", "Hello there");
        return body;
    }
}
