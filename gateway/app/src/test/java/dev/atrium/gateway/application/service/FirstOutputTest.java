package dev.atrium.gateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Multi;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FirstOutputTest {

    @Test
    void givesTheWholeStreamOnceItBeganWhatCameBeforeIncluded() {
        Multi<String> begun = FirstOutput.of(Multi.createFrom().items("role", "Hello", " there"), "Hello"::equals)
                .await().atMost(Duration.ofSeconds(5));
        assertThat(begun.collect().asList().await().atMost(Duration.ofSeconds(5)))
                .containsExactly("role", "Hello", " there");
    }

    @Test
    void aStreamThatStaysOpenAfterItBeganIsGivenAtOnce() {
        Multi<String> upstream = Multi.createBy().concatenating().streams(Multi.createFrom().item("Hello"),
                Multi.createFrom().nothing());
        Multi<String> begun = FirstOutput.of(upstream, "Hello"::equals).await().atMost(Duration.ofSeconds(5));
        assertThat(begun.select().first(1).collect().asList().await().atMost(Duration.ofSeconds(5)))
                .containsExactly("Hello");
    }

    @Test
    void aStreamThatEndsOrFailsBeforeItBeginsFails() {
        assertThatThrownBy(() -> FirstOutput.of(Multi.createFrom().items("role"), "Hello"::equals)
                .await().atMost(Duration.ofSeconds(5))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FirstOutput.of(Multi.createBy().concatenating().streams(
                Multi.createFrom().item("role"), Multi.createFrom().<String>failure(new IllegalStateException("reset"))),
                "Hello"::equals).await().atMost(Duration.ofSeconds(5))).hasMessage("reset");
    }

    @Test
    void givingUpBeforeTheBeginningCancelsTheUpstream() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Multi<String> silent = Multi.createFrom().<String>nothing().onCancellation().invoke(() -> cancelled.set(true));
        assertThatThrownBy(() -> FirstOutput.of(silent, "Hello"::equals).ifNoItem().after(Duration.ofMillis(50))
                .fail().await().atMost(Duration.ofSeconds(5))).isNotNull();
        assertThat(cancelled).isTrue();
    }
}
