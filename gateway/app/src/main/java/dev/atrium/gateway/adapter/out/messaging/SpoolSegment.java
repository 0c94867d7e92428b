package dev.atrium.gateway.adapter.out.messaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One file of the {@link UsageSpool}: the records numbered from {@code first}, one complete line each. */
final class SpoolSegment {

    final long first;
    final Path path;
    /** When its first record was written (a segment found at start: when its file was last written). */
    final long createdMillis;
    int count;

    SpoolSegment(long first, Path path, int count, long createdMillis) {
        this.first = first;
        this.path = path;
        this.count = count;
        this.createdMillis = createdMillis;
    }

    /** A segment left by an earlier life: its complete lines count, a line torn by a crash does not. */
    static SpoolSegment found(long first, Path file) throws IOException {
        return new SpoolSegment(first, file, completeLines(file), Files.getLastModifiedTime(file).toMillis());
    }

    static String fileName(long first) {
        return String.format("usage-%020d.spool", first);
    }

    long end() {
        return first + count;
    }

    private static int completeLines(Path file) throws IOException {
        int lines = 0;
        for (byte b : Files.readAllBytes(file)) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
