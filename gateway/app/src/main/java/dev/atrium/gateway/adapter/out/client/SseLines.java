package dev.atrium.gateway.adapter.out.client;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits a server-sent-event byte stream into events: {@code event:} name and joined {@code data:}. */
final class SseLines {

    record Event(String name, String data) {
    }

    private SseLines() {
    }

    static Multi<Event> events(Multi<Buffer> bytes) {
        return Multi.createFrom().deferred(() -> {
            Parser parser = new Parser();
            return bytes.onItem().transformToIterable(parser::feed);
        });
    }

    private static final class Parser {

        private final StringBuilder pending = new StringBuilder();
        private String name;
        private StringBuilder data;

        List<Event> feed(Buffer buffer) {
            pending.append(buffer.toString(StandardCharsets.UTF_8));
            List<Event> out = new ArrayList<>();
            int newline;
            while ((newline = pending.indexOf("\n")) >= 0) {
                String line = pending.substring(0, newline);
                pending.delete(0, newline + 1);
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
            return out;
        }
    }
}
