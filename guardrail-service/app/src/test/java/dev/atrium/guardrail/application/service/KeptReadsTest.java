package dev.atrium.guardrail.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeptReadsTest {

    private long nanos;
    private final AtomicInteger reads = new AtomicInteger();
    private final KeptReads<String, Integer> kept = new KeptReads<>(() -> nanos, Duration.ofSeconds(1), 2);

    private Integer read() {
        return reads.incrementAndGet();
    }

    @Test
    void aValueIsReadOnceWhileKeptAndAgainAfterIt() {
        assertThat(kept.get("a", this::read)).isEqualTo(1);
        nanos += Duration.ofMillis(999).toNanos();
        assertThat(kept.get("a", this::read)).isEqualTo(1);
        nanos += Duration.ofMillis(1).toNanos();
        assertThat(kept.get("a", this::read)).isEqualTo(2);
    }

    @Test
    void forgettingEndsWhatWasKeptAndWhatWasReadBeforeIt() {
        kept.get("a", this::read);
        long began = kept.generation();
        kept.forget();
        kept.keep("b", 99, began, kept.now());
        assertThat(kept.find("b", kept.now())).isNull();
        assertThat(kept.get("a", this::read)).isEqualTo(2);
    }

    @Test
    void pastItsLimitEverythingIsForgottenSoTheMapNeverGrowsWithInput() {
        kept.get("a", this::read);
        kept.get("b", this::read);
        kept.get("c", this::read);
        assertThat(kept.get("a", this::read)).isEqualTo(4);
        assertThat(kept.get("c", this::read)).isEqualTo(3);
    }

    @Test
    void keptForZeroReadsEveryTime() {
        KeptReads<String, Integer> none = new KeptReads<>(() -> nanos, Duration.ZERO, 2);
        assertThat(none.get("a", this::read)).isEqualTo(1);
        assertThat(none.get("a", this::read)).isEqualTo(2);
    }
}
