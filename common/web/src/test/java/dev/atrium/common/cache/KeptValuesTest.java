package dev.atrium.common.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    void aValueIsKeptForWhatTheTimeIsWhenItIsKeptAndNotShortenedLater() {
        Duration[] keptFor = {Duration.ofSeconds(60)};
        KeptValues<String, Integer> asked = KeptValues.keptFor(10, () -> keptFor[0], () -> nanos);
        asked.get("long", this::read);
        keptFor[0] = Duration.ofSeconds(1);
        asked.get("short", this::read);

        nanos += Duration.ofSeconds(1).toNanos();
        assertThat(asked.find("short")).as("kept for the second it was given").isNull();
        assertThat(asked.find("long")).as("kept for the minute it was given").isEqualTo(1);
        nanos += Duration.ofSeconds(59).toNanos();
        assertThat(asked.find("long")).isNull();
        keptFor[0] = Duration.ZERO;
        assertThat(asked.get("none", this::read)).isEqualTo(3);
        assertThat(asked.find("none")).as("zero keeps nothing").isNull();
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

    @Test
    void aValueIsDueForOneRefreshOnceThreeQuartersOfItsTimeHavePassedAndAnswersUntilItsDeadline() {
        kept.get("a", this::read);
        nanos += Duration.ofMillis(749).toNanos();
        assertThat(kept.claimRefresh("a", kept.now())).isFalse();
        nanos += Duration.ofMillis(1).toNanos();
        assertThat(kept.claimRefresh("a", kept.now())).isTrue();
        assertThat(kept.claimRefresh("a", kept.now())).as("one caller reads it again").isFalse();
        nanos += Duration.ofMillis(249).toNanos();
        assertThat(kept.find("a")).as("the kept value answers until its deadline").isEqualTo(1);
        nanos += Duration.ofMillis(1).toNanos();
        assertThat(kept.find("a")).as("and never past it").isNull();
        assertThat(kept.claimRefresh("a", kept.now())).isFalse();
    }

    @Test
    void aRefreshedValueIsKeptForItsFullTimeFromWhenItsReadBeganAndIsDueAgainLater() {
        kept.get("a", this::read);
        nanos += Duration.ofMillis(800).toNanos();
        assertThat(kept.claimRefresh("a", kept.now())).isTrue();
        long began = kept.generation();
        long asked = kept.now();
        nanos += Duration.ofMillis(50).toNanos();
        kept.keep("a", 2, began, asked);
        nanos += Duration.ofMillis(900).toNanos();
        assertThat(kept.find("a")).isEqualTo(2);
        assertThat(kept.claimRefresh("a", kept.now())).isTrue();
        nanos += Duration.ofMillis(100).toNanos();
        assertThat(kept.find("a")).isNull();
    }

    @Test
    void aRefreshReadBeforeAnInvalidationIsNotKept() {
        kept.get("a", this::read);
        nanos += Duration.ofMillis(800).toNanos();
        assertThat(kept.claimRefresh("a", kept.now())).isTrue();
        long began = kept.generation();
        long asked = kept.now();
        kept.forget("a");
        kept.keep("a", 2, began, asked);
        assertThat(kept.find("a")).isNull();
    }

    @Test
    void valuesKeptUntilForgottenOrWithADeadlineOfTheirOwnFollowTheSameRule() {
        KeptValues<String, String> forever = KeptValues.untilForgotten(10);
        forever.keep("v1", "preset", forever.generation(), forever.now());
        assertThat(forever.claimRefresh("v1", Long.MAX_VALUE - 1)).isFalse();
        KeptValues<String, String> each = KeptValues.eachUntil(10, () -> nanos);
        each.keepUntil("plan", "p", each.generation(), nanos + 1_000);
        assertThat(each.claimRefresh("plan", nanos + 749)).isFalse();
        assertThat(each.claimRefresh("plan", nanos + 750)).isTrue();
        assertThat(each.claimRefresh("missing", nanos)).isFalse();
    }

    @Test
    void aValueDueForARefreshIsReadAgainOnTheExecutorWhileTheKeptOneAnswers() {
        List<Runnable> ahead = new ArrayList<>();
        assertThat(kept.get("a", this::read, ahead::add)).isEqualTo(1);
        nanos += Duration.ofMillis(800).toNanos();
        assertThat(kept.get("a", this::read, ahead::add)).isEqualTo(1);
        assertThat(kept.get("a", this::read, ahead::add)).isEqualTo(1);
        assertThat(ahead).as("one read ahead").hasSize(1);
        assertThat(reads.get()).as("not on the caller's thread").isEqualTo(1);
        ahead.get(0).run();
        assertThat(kept.get("a", this::read, ahead::add)).isEqualTo(2);
        nanos += Duration.ofMillis(900).toNanos();
        assertThat(kept.find("a")).as("kept a second from when the read ahead was asked").isEqualTo(2);
    }

    @Test
    void aReadAheadThatFailsKeepsNothingAndTheValueIsReadByACallerAtItsEnd() {
        List<Runnable> ahead = new ArrayList<>();
        kept.get("a", this::read, ahead::add);
        nanos += Duration.ofMillis(800).toNanos();
        kept.get("a", () -> {
            throw new IllegalStateException("database away");
        }, ahead::add);
        ahead.get(0).run();
        assertThat(kept.find("a")).isEqualTo(1);
        nanos += Duration.ofMillis(200).toNanos();
        assertThat(kept.get("a", this::read, ahead::add)).isEqualTo(2);
    }
}
