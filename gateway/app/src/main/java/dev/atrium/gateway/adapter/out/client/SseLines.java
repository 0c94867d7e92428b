package dev.atrium.gateway.adapter.out.client;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a server-sent-event byte stream into events: {@code event:} name and joined {@code data:}.
 *
 * <p>Lines are cut on the byte {@code \n} and only then decoded: the network may split a multi-byte
 * UTF-8 character across two buffers, and decoding each buffer on its own would turn both halves into
 * U+FFFD. The byte {@code 0x0A} never occurs inside a multi-byte UTF-8 sequence, so a line cut there
 * holds whole characters.
 */
final class SseLines {

    record Event(String name, String data) {
    }

    private SseLines() {
    }

    static Multi<Event> events(Multi<Buffer> bytes) {
        return Multi.createFrom().deferred(() -> {
            Parser parser = new Parser();
            return bytes.onItem().transformToIterable(buffer -> parser.feed(buffer.getBytes()));
        });
    }

    private static final class Parser {

        /** Bytes of a line whose newline has not arrived yet. */
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
        private String name;
        private StringBuilder data;

        List<Event> feed(byte[] bytes) {
            List<Event> out = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] != '\n') {
                    continue;
                }
                String line;
                if (partial.size() == 0) {
                    line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                } else {
                    partial.write(bytes, start, i - start);
                    line = partial.toString(StandardCharsets.UTF_8);
                    partial.reset();
                }
                start = i + 1;
                accept(line, out);
            }
            partial.write(bytes, start, bytes.length - start);
            return out;
        }

        private void accept(String line, List<Event> out) {
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                if (data != null) {
                    out.add(new Event(name, data.toString()));
                }
                name = null;
                data = null;
            } else if (line.startsWith("data:")) {
                String value = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            }
        }
    }
}
