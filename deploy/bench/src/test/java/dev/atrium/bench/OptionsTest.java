package dev.atrium.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void targetsSettleOnlyWhenAsked() {
        assertThat(Options.parse(new String[0]).settle()).isZero();
        Options settled = Options.parse(new String[] {"--rates 200,600 --settle 20 --warmup 2"});
        assertThat(settled.settle()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settled.warmup()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settled.rates()).containsExactly(200.0, 600.0);
    }
}
