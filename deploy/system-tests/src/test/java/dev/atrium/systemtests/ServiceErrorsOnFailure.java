package dev.atrium.systemtests;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * A failed system test names what the services logged as errors while it ran: each ERROR entry's first line and
 * the causes of its stack trace, added to the failure's message. CI keeps only the end of the build's output,
 * where the failures are summed up with their messages, and not the stack's logs; without this a 500 seen by a
 * test says nothing of its cause. Registered for every test class (META-INF/services, with autodetection on in
 * junit-platform.properties); it never starts the stack.
 */
public class ServiceErrorsOnFailure implements BeforeEachCallback, TestExecutionExceptionHandler {

    private static final Path LOGS = Path.of("target", "stack", "logs");
    private static final int MAX_ENTRIES = 6;
    private static final int MAX_CAUSES = 4;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            ServiceErrorsOnFailure.class);

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        context.getStore(NAMESPACE).put("offsets", sizes(LOGS));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        @SuppressWarnings("unchecked")
        Map<Path, Long> offsets = context.getStore(NAMESPACE).get("offsets", Map.class);
        throw named(failure, offsets == null ? List.of() : errorsSince(LOGS, offsets));
    }

    /** The failure to report: the test's own, with the services' errors added to its message when there are any. */
    static Throwable named(Throwable failure, List<String> errors) {
        if (errors.isEmpty() || failure instanceof TestAbortedException) {
            return failure; // an assumption that did not hold skips the test, whatever was logged
        }
        AssertionError named = new AssertionError(failure.getMessage() + "\nThe services logged meanwhile:\n"
                + String.join("\n", errors), failure);
        named.setStackTrace(failure.getStackTrace());
        return named;
    }

    static Map<Path, Long> sizes(Path dir) throws IOException {
        Map<Path, Long> sizes = new HashMap<>();
        for (Path log : logs(dir)) {
            sizes.put(log, Files.size(log));
        }
        return sizes;
    }

    private static List<Path> logs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList();
        }
    }

    /** Each ERROR entry written since the offsets (a log that appeared since from its start), with its causes. */
    static List<String> errorsSince(Path dir, Map<Path, Long> offsets) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path log : logs(dir)) {
            String name = log.getFileName().toString().replace(".log", "");
            List<String> lines = linesFrom(log, offsets.getOrDefault(log, 0L));
            int causes = MAX_CAUSES;
            for (String line : lines) {
                if (found.size() >= MAX_ENTRIES * (MAX_CAUSES + 1)) {
                    found.add("(more omitted; see deploy/system-tests/target/stack/logs)");
                    return found;
                }
                if (line.matches("^\\S+ ERROR .*")) {
                    found.add("  " + name + ": " + abbreviate(line));
                    causes = 0;
                } else if (line.matches("^\\d\\d:\\d\\d:\\d\\d.*")) {
                    causes = MAX_CAUSES; // another entry: what follows is not the error's
                } else if (line.startsWith("Caused by: ") && causes < MAX_CAUSES) {
                    found.add("    " + abbreviate(line));
                    causes++;
                }
            }
        }
        return found;
    }

    private static List<String> linesFrom(Path log, long offset) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long start = offset <= length ? offset : 0;
            byte[] bytes = new byte[(int) Math.min(length - start, 8L << 20)];
            file.seek(length - bytes.length);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 400 ? line : line.substring(0, 400) + "...";
    }
}
