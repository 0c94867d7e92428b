package dev.atrium.gateway.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The spool's files: what survives a crash, what an older gateway left, what is deleted once sent. */
class UsageSpoolTest {

    @Test
    void aLineTornByACrashIsNoRecordAndTheRestSurviveARestart() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "spool");
        UsageSpool before = new UsageSpool(dir);
        before.append(List.of("{\"id\":\"gen-1\",\"text\":\"héllo 日本 🎉\"}", "{\"id\":\"gen-2\"}"));
        // A crash in the middle of the next write leaves half a line.
        Path segment = segments(dir).get(0);
        Files.write(segment, "{\"id\":\"gen-3\",\"te".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);

        UsageSpool after = new UsageSpool(dir);
        assertThat(after.unsent()).isEqualTo(2);
        assertThat(after.read(0, 10)).extracting(UsageSpool.Line::text)
                .containsExactly("{\"id\":\"gen-1\",\"text\":\"héllo 日本 🎉\"}", "{\"id\":\"gen-2\"}");
        // New records go to a new segment, numbered after the old ones.
        assertThat(after.append(List.of("{\"id\":\"gen-4\"}"))).isEqualTo(2);
        assertThat(after.read(2, 10)).extracting(UsageSpool.Line::text).containsExactly("{\"id\":\"gen-4\"}");
    }

    @Test
    void theSpoolFileOfAnOlderGatewayIsSentFirst() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "spool");
        Files.writeString(dir.resolve("usage.spool"), "{\"id\":\"old-1\"}\n{\"id\":\"old-2\"}\n");
        UsageSpool spool = new UsageSpool(dir);
        assertThat(spool.unsent()).isEqualTo(2);
        assertThat(spool.read(0, 10)).extracting(UsageSpool.Line::text)
                .containsExactly("{\"id\":\"old-1\"}", "{\"id\":\"old-2\"}");
        assertThat(dir.resolve("usage.spool")).doesNotExist();
    }

    @Test
    void aSegmentGoesOnceKafkaHasEveryRecordInIt() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "spool");
        UsageSpool spool = new UsageSpool(dir);
        List<String> full = new ArrayList<>();
        for (int i = 0; i < UsageSpool.SEGMENT_RECORDS; i++) {
            full.add("{\"id\":\"gen-" + i + "\"}");
        }
        spool.append(full);
        spool.append(List.of("{\"id\":\"gen-last\"}"));
        assertThat(segments(dir)).hasSize(2);

        spool.acknowledge(UsageSpool.SEGMENT_RECORDS - 1);
        assertThat(segments(dir)).as("one record of the first segment is not in Kafka yet").hasSize(2);
        spool.acknowledge(UsageSpool.SEGMENT_RECORDS);
        assertThat(segments(dir)).hasSize(1);
        assertThat(spool.unsent()).isEqualTo(1);
        assertThat(new UsageSpool(dir).read(UsageSpool.SEGMENT_RECORDS, 10)).extracting(UsageSpool.Line::text)
                .containsExactly("{\"id\":\"gen-last\"}");
    }

    @Test
    void theOldestUnsentRecordsAgeIsItsSegmentsAndNoneOnceKafkaHasThemAll() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "spool");
        Files.writeString(dir.resolve("usage.spool"), "{\"id\":\"old-1\"}\n");
        // A spool left by a gateway that stopped ten minutes ago: its record has waited since.
        Files.setLastModifiedTime(dir.resolve("usage.spool"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 600_000));
        UsageSpool spool = new UsageSpool(dir);
        assertThat(spool.oldestUnsentAgeSeconds()).isBetween(600.0, 660.0);

        spool.acknowledge(1);
        assertThat(spool.oldestUnsentAgeSeconds()).isZero();
        spool.append(List.of("{\"id\":\"new-1\"}"));
        assertThat(spool.oldestUnsentAgeSeconds()).isBetween(0.0, 60.0);
    }

    private static List<Path> segments(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("usage-")).sorted().toList();
        }
    }
}
