package dev.atrium.gateway.adapter.out.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * An append-only file of records Kafka did not take, one JSON line each, written with fsync so a
 * crash or a restart loses none; read back in order and truncated once Kafka acknowledged them.
 */
final class UsageSpool {

    private final Path file;
    /** Kept with every write, so the question every usage record asks costs no file system call. */
    private volatile boolean empty;

    UsageSpool(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the usage spool folder " + directory, e);
        }
        this.file = directory.resolve("usage.spool");
        this.empty = readAll().isEmpty();
    }

    synchronized void append(String line) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            empty = false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the usage spool " + file, e);
        }
    }

    boolean isEmpty() {
        return empty;
    }

    synchronized List<String> readAll() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the usage spool " + file, e);
        }
    }

    /** Drops the first {@code count} lines: those Kafka has acknowledged. */
    synchronized void dropFirst(int count) {
        List<String> rest = readAll().stream().skip(count).toList();
        try {
            Path next = file.resolveSibling("usage.spool.next");
            Files.write(next, rest.isEmpty() ? List.of() : rest, StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            empty = rest.isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rewrite the usage spool " + file, e);
        }
    }
}
