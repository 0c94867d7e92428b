package dev.atrium.local.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes server-sent events with chunked transfer encoding, one flush per frame so that clients
 * see each word as it is generated. Paces word frames at the provider's tokens_per_second and
 * cuts the connection after drop_after_chunks frames (every frame counts, [DONE] included).
 */
final class EventStream {

    private EventStream() {
    }

    static void send(HttpExchange exchange, List<StreamFrame> frames, ProviderBehaviour behaviour) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        long nanosPerToken = behaviour.nanosPerToken();
        long start = System.nanoTime();
        int tokens = 0;
        int written = 0;
        for (StreamFrame frame : frames) {
            if (behaviour.dropAfterChunks() != null && written == behaviour.dropAfterChunks()) {
                // Let the frames already sent reach the client first, as from a provider failing mid-answer:
                // an immediate cut can reset the connection before the client has read them.
                Pause.millis(100);
                throw new ConnectionAborted();
            }
            if (frame.token() && nanosPerToken > 0) {
                tokens++;
                Pause.until(start + tokens * nanosPerToken);
            }
            out.write(encode(frame));
            out.flush();
            written++;
        }
        out.close();
    }

    private static byte[] encode(StreamFrame frame) {
        String text = frame.event() == null
                ? "data: " + frame.data() + "\n\n"
                : "event: " + frame.event() + "\ndata: " + frame.data() + "\n\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
