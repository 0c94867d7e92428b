package dev.atrium.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway is read in one pass (issue 23): no main source file, a class with its nested types, over
 * {@value #MAX_LINES} lines, with no exceptions listed. A class that grows past it is split where it does two things.
 */
class ClassSizeTest {

    static final int MAX_LINES = 250;
    private static final Path MAIN = Path.of("src/main/java/dev/atrium/gateway");

    @Test
    void noGatewayClassIsLongerThanTheLimit() {
        // Run from the module's folder: a wrong path would find nothing, and must not pass.
        assertThat(sources(MAIN)).as("gateway main sources under %s", MAIN.toAbsolutePath()).hasSizeGreaterThan(100);
        assertThat(overLimit(MAIN)).as("classes over %d lines", MAX_LINES).isEmpty();
    }

    @Test
    void aClassOneLineOverTheLimitIsNamed(@TempDir Path main) throws IOException {
        Files.createDirectories(main.resolve("domain"));
        Files.writeString(main.resolve("domain/AtTheLimit.java"), "//\n".repeat(MAX_LINES));
        Files.writeString(main.resolve("domain/OverTheLimit.java"), "//\n".repeat(MAX_LINES + 1));
        assertThat(overLimit(main)).containsExactly("domain/OverTheLimit.java: " + (MAX_LINES + 1));
    }

    private static List<String> overLimit(Path main) {
        return sources(main).stream().filter(f -> lines(f) > MAX_LINES)
                .map(f -> main.relativize(f) + ": " + lines(f)).sorted().toList();
    }

    private static List<Path> sources(Path main) {
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
