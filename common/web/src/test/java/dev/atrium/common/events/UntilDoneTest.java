package dev.atrium.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UntilDoneTest {

    @Test
    void triesAgainUntilTheDatabaseIsBackAndReturnsItsResult() {
        AtomicInteger calls = new AtomicInteger();
        int charged = UntilDone.get("Charging 3 usage records", () -> {
            if (calls.incrementAndGet() < 4) {
                throw new IllegalStateException("Connection refused");
            }
            return 3;
        }, Duration.ofMillis(1), Duration.ofMillis(4));
        assertThat(charged).isEqualTo(3);
        assertThat(calls.get()).isEqualTo(4);
    }
}
