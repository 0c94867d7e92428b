package dev.atrium.common.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/** CloudEvents 1.0 in Kafka binary mode: attributes as {@code ce_*} headers, JSON body. */
public final class CloudEventHeaders {

    private CloudEventHeaders() {
    }

    public static List<Header> of(String id, String type, String source, Instant time) {
        return List.of(
                header("ce_specversion", "1.0"),
                header("ce_id", id),
                header("ce_type", type),
                header("ce_source", source),
                header("ce_time", time.toString()),
                header("content-type", "application/json"));
    }

    public static String read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
