package dev.atrium.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportMergeTest {

    @Test
    void aNewRunReplacesOnlyTheLastRunSection() {
        String previous = "# Benchmarks\n\nintro\n\n## Last run\n\nold table\n\n### Memory\n\nold memory\n\n"
                + "## Route planning (JMH)\n\nkept\n\n## What these runs showed\n\nkept too\n";
        String merged = Report.merge(previous, "# whole page\n", "## Last run\n\nnew table\n");

        assertThat(merged).startsWith("# Benchmarks\n\nintro\n\n## Last run\n\nnew table\n\n## Route planning")
                .contains("kept\n\n## What these runs showed\n\nkept too\n")
                .doesNotContain("old table").doesNotContain("old memory");
    }

    @Test
    void aFileWithoutALastRunGetsTheWholePage() {
        assertThat(Report.merge(null, "# whole page\n", "## Last run\n")).isEqualTo("# whole page\n");
        assertThat(Report.merge("# something else\n", "# whole page\n", "## Last run\n")).isEqualTo("# whole page\n");
    }
}
