package dev.atrium.gateway.adapter.out.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The write-ahead log of usage records: every record is appended here (fsync) before it is sent to
 * Kafka, so a crash loses none that was committed, and dropped once every record before it is in
 * Kafka. Records are numbered in order; the log is a run of segment files named by their first
 * record's number, so a sent segment is deleted whole instead of rewriting a file. Each line is
 * one JSON record; only complete lines count (a line torn by a crash was never committed).
 */
final class UsageSpool {

    /** A segment closes at this many records or after {@link #SEGMENT_NANOS}: what a crash can make us resend. */
    static final int SEGMENT_RECORDS = 1_000;
    private static final long SEGMENT_NANOS = 1_000_000_000L;
    private static final String LEGACY = "usage.spool";

    record Line(long seq, String text) {
    }

    private final Path directory;
    private final NavigableMap<Long, SpoolSegment> segments = new TreeMap<>();
    private SpoolSegment current;
    private FileChannel channel;
    private long openedNanos;
    /** The number the next committed record gets. */
    private volatile long head;
    /** Every record numbered below is in Kafka. */
    private volatile long acknowledged;

    UsageSpool(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "usage-*.spool")) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    long first = Long.parseLong(name.substring(6, name.length() - 6));
                    segments.put(first, SpoolSegment.found(first, file));
                }
            }
            head = segments.isEmpty() ? 0 : segments.lastEntry().getValue().end();
            // A spool written by an older gateway (one file) becomes the next segment.
            Path legacy = directory.resolve(LEGACY);
            if (Files.exists(legacy)) {
                Path moved = directory.resolve(SpoolSegment.fileName(head));
                Files.move(legacy, moved);
                segments.put(head, SpoolSegment.found(head, moved));
                head = segments.get(head).end();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the usage spool in " + directory, e);
        }
        acknowledged = segments.isEmpty() ? head : segments.firstKey();
        acknowledge(acknowledged);
    }

    /** Appends the lines as one write and one fsync (the group commit); returns the first one's number. */
    synchronized long append(List<String> lines) {
        try {
            if (current == null || current.count >= SEGMENT_RECORDS || System.nanoTime() - openedNanos > SEGMENT_NANOS) {
                rotate();
            }
            StringBuilder text = new StringBuilder(lines.size() * 512);
            lines.forEach(l -> text.append(l).append('\n'));
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            // What was half written must not be appended to: the next batch starts a new segment.
            closeCurrent();
            throw new UncheckedIOException("Cannot write the usage spool in " + directory, e);
        }
        long first = head;
        current.count += lines.size();
        head = first + lines.size();
        return first;
    }

    private void rotate() throws IOException {
        closeCurrent();
        Path path = directory.resolve(SpoolSegment.fileName(head));
        channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        // The new file's name must survive a crash as much as its lines.
        try (FileChannel folder = FileChannel.open(directory, StandardOpenOption.READ)) {
            folder.force(true);
        }
        current = new SpoolSegment(head, path, 0, System.currentTimeMillis());
        segments.put(head, current);
        openedNanos = System.nanoTime();
    }

    private void closeCurrent() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a file whose lines were forced already
            }
        }
        channel = null;
        current = null;
        deleteAcknowledged();
    }

    /** Up to {@code max} committed records from {@code from} on, read back from their segment. */
    List<Line> read(long from, int max) {
        SpoolSegment segment;
        int count;
        synchronized (this) {
            Map.Entry<Long, SpoolSegment> entry = segments.floorEntry(from);
            if (entry == null || from >= entry.getValue().end()) {
                return List.of();
            }
            segment = entry.getValue();
            count = segment.count;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(segment.path);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the usage spool " + segment.path, e);
        }
        // Cut on the byte \n before decoding, as the segment may end inside a line being written.
        List<Line> out = new ArrayList<>();
        int index = 0;
        int start = 0;
        for (int i = 0; i < bytes.length && index < count && out.size() < max; i++) {
            if (bytes[i] == '\n') {
                long seq = segment.first + index++;
                if (seq >= from) {
                    out.add(new Line(seq, new String(bytes, start, i - start, StandardCharsets.UTF_8)));
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** Every record numbered below {@code below} is in Kafka: segments wholly below it go. */
    synchronized void acknowledge(long below) {
        if (below > acknowledged) {
            acknowledged = below;
        }
        deleteAcknowledged();
    }

    private void deleteAcknowledged() {
        if (current != null && current.end() <= acknowledged && System.nanoTime() - openedNanos > SEGMENT_NANOS) {
            // Quiet and all sent: the open segment goes too, so an idle gateway's spool folder is empty.
            closeCurrent();
            return;
        }
        while (!segments.isEmpty()) {
            SpoolSegment oldest = segments.firstEntry().getValue();
            if (oldest == current || oldest.end() > acknowledged) {
                return;
            }
            try {
                Files.deleteIfExists(oldest.path);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the sent usage spool segment " + oldest.path, e);
            }
            segments.pollFirstEntry();
        }
    }

    /** The number the next committed record gets. */
    long head() {
        return head;
    }

    /** Every record numbered below is in Kafka. */
    long acknowledged() {
        return acknowledged;
    }

    /** Records committed here that Kafka has not acknowledged yet. */
    long unsent() {
        return Math.max(0, head - acknowledged);
    }

    /**
     * Seconds since the oldest record Kafka has not acknowledged was written, 0 when there is none: at most a
     * segment's span ({@link #SEGMENT_NANOS}) more than the record's own age. Growing means Kafka takes nothing.
     */
    synchronized double oldestUnsentAgeSeconds() {
        if (unsent() == 0) {
            return 0;
        }
        Map.Entry<Long, SpoolSegment> oldest = segments.floorEntry(acknowledged);
        if (oldest == null) {
            oldest = segments.firstEntry();
        }
        return oldest == null ? 0 : Math.max(0, System.currentTimeMillis() - oldest.getValue().createdMillis) / 1000.0;
    }

    boolean isEmpty() {
        return unsent() == 0;
    }

    /** Closes the open segment; it is deleted when Kafka has everything in it. */
    synchronized void close() {
        closeCurrent();
    }
}
