package dev.atrium.common.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeptValuesTest {

    private long nanos;
    private final AtomicInteger reads = new AtomicInteger();
    private final KeptValues<String, Integer> kept = KeptValues.keptFor(100, Duration.ofSeconds(1), () -> nanos);

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
    void theTimeCountsFromWhenTheReadBeganNotWhenItEnded() {
        long began = kept.generation();
        long asked = kept.now();
        nanos += Duration.ofMillis(400).toNanos();
        kept.keep("a", 7, began, asked);
        nanos += Duration.ofMillis(599).toNanos();
        assertThat(kept.find("a")).isEqualTo(7);
        nanos += Duration.ofMillis(1).toNanos();
        assertThat(kept.find("a")).isNull();
    }

    @Test
    void forgettingEndsWhatWasKeptAndWhatWasReadBeforeIt() {
        kept.get("a", this::read);
        long began = kept.generation();
        kept.forgetAll();
        kept.keep("b", 99, began, kept.now());
        assertThat(kept.find("b", kept.now())).isNull();
        assertThat(kept.get("a", this::read)).isEqualTo(2);
    }

    @Test
    void forgettingSomeKeepsTheOthers() {
        kept.get("a", this::read);
        kept.get("b", this::read);
        kept.get("c", this::read);
        kept.forget("a");
        kept.forgetIf((key, value) -> value == 2);
        assertThat(kept.find("a")).isNull();
        assertThat(kept.find("b")).isNull();
        assertThat(kept.find("c")).isEqualTo(3);
    }

    @Test
    void pastItsSizeItEvictsSomeNotAllAndKeepsWhatIsAskedOften() {
        kept.get("hot", this::read);
        for (int i = 0; i < 1_000; i++) {
            kept.get("once-" + i, this::read);
            if (i % 10 == 0) {
                assertThat(kept.get("hot", this::read)).isEqualTo(1);
            }
        }
        assertThat(kept.size()).isLessThanOrEqualTo(100).isGreaterThan(50);
        int before = reads.get();
        assertThat(kept.get("hot", this::read)).isEqualTo(1);
        assertThat(reads.get()).isEqualTo(before);
    }

    @Test
    void keptForZeroReadsEveryTime() {
        KeptValues<String, Integer> none = KeptValues.keptFor(2, Duration.ZERO, () -> nanos);
        assertThat(none.get("a", this::read)).isEqualTo(1);
        assertThat(none.get("a", this::read)).isEqualTo(2);
    }

    @Test
    void eachValueMayHaveADeadlineOfItsOwn() {
        KeptValues<String, String> each = KeptValues.eachUntil(10, () -> nanos);
        each.keepUntil("short", "s", each.generation(), nanos + 10);
        each.keepUntil("long", "l", each.generation(), nanos + 1_000);
        nanos += 10;
        assertThat(each.find("short")).isNull();
        assertThat(each.find("long")).isEqualTo("l");
    }

    @Test
    void valuesWithoutATimeLimitStayUntilForgotten() {
        KeptValues<String, String> forever = KeptValues.untilForgotten(10);
        forever.keep("v1", "preset", forever.generation(), forever.now());
        assertThat(forever.find("v1")).isEqualTo("preset");
        forever.forgetIf((key, value) -> key.startsWith("v"));
        assertThat(forever.find("v1")).isNull();
    }
}
