package dev.atrium.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextCompressionTest {

    @Test
    void keepsEverythingThatFits() {
        var messages = List.of(new ContextCompression.Message("user", 40), new ContextCompression.Message("assistant", 40));
        assertThat(ContextCompression.keep(messages, 1000, 100)).containsExactly(0, 1);
    }

    @Test
    void dropsFromTheMiddleKeepingSystemFirstUserAndLatest() {
        List<ContextCompression.Message> messages = new ArrayList<>();
        messages.add(new ContextCompression.Message("system", 400));
        messages.add(new ContextCompression.Message("user", 400));
        for (int i = 0; i < 8; i++) {
            messages.add(new ContextCompression.Message(i % 2 == 0 ? "assistant" : "user", 400));
        }
        messages.add(new ContextCompression.Message("user", 400));
        // 11 messages of 100 tokens; 600 tokens of room leaves 6 of them
        List<Integer> kept = ContextCompression.keep(messages, 700, 100);
        assertThat(kept).hasSize(6).contains(0, 1, 10);
        assertThat(kept).isSorted();
    }
}
