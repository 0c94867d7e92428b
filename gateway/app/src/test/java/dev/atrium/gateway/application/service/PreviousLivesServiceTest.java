package dev.atrium.gateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PreviousLivesServiceTest {

    private final Fakes fakes = new Fakes();
    private final PreviousLivesService service = new PreviousLivesService(fakes, fakes);

    @Test
    void asksGuardrailOnceTheEarlierLivesUsageIsInKafka() {
        fakes.previousLifeSentAnswers.add(false);
        fakes.previousLifeSentAnswers.add(false);
        fakes.previousLivesAnswers.add(7);

        int released = service.releasePreviousLives().await().atMost(Duration.ofSeconds(10));

        assertThat(released).isEqualTo(7);
        assertThat(fakes.previousLivesCalls).as("not asked while the spool still held their records").isEqualTo(1);
        assertThat(fakes.previousLifeSentAnswers).isEmpty();
    }

    @Test
    void keepsAskingWhileGuardrailIsAway() {
        fakes.previousLivesAnswers.add(-1);
        fakes.previousLivesAnswers.add(-1);
        fakes.previousLivesAnswers.add(3);

        assertThat(service.releasePreviousLives().await().atMost(Duration.ofSeconds(10))).isEqualTo(3);
        assertThat(fakes.previousLivesCalls).isEqualTo(3);
    }
}
