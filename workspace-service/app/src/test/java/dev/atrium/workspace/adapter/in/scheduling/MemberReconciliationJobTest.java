package dev.atrium.workspace.adapter.in.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MemberReconciliationJobTest {

    @Test
    void theFollowIntervalIsReadAsWrittenBelowASecondToo() {
        assertThat(MemberReconciliationJob.interval("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(MemberReconciliationJob.interval("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(MemberReconciliationJob.interval("PT0.1S")).isEqualTo(Duration.ofMillis(100));
        assertThat(MemberReconciliationJob.interval("off")).isNull();
        assertThat(MemberReconciliationJob.interval("0ms")).isNull();
    }
}
