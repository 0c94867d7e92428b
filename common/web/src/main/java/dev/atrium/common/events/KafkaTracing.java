package dev.atrium.common.events;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Traces for the Kafka records a service produces by hand (the outbox relay, the gateway's usage):
 * a PRODUCER span under the request's context, and its W3C {@code traceparent} header, which the
 * consumers' SmallRye Kafka instrumentation reads, so one request stays one trace across Kafka.
 * With the SDK disabled every span is a no-op and no header is written.
 */
public final class KafkaTracing {

    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    public KafkaTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.atrium.kafka");
    }

    /** The context as a W3C {@code traceparent} value, or null when it holds no valid span. */
    public static String traceparent(Context context) {
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context a stored {@code traceparent} names (the root context for null or a malformed value). */
    public static Context context(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP_GETTER);
    }

    /** Starts the span of publishing one record to {@code topic}; end it when the broker answered. */
    public Span startPublish(String topic, Context parent) {
        return tracer.spanBuilder(topic + " publish")
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(parent)
                .setAttribute(AttributeKey.stringKey("messaging.system"), "kafka")
                .setAttribute(AttributeKey.stringKey("messaging.destination.name"), topic)
                .setAttribute(AttributeKey.stringKey("messaging.operation.type"), "send")
                .startSpan();
    }

    /** {@code headers} plus the span's {@code traceparent}, when it has one. */
    public static List<Header> withTrace(List<Header> headers, Span span) {
        String traceparent = traceparent(Context.root().with(span));
        if (traceparent == null) {
            return headers;
        }
        List<Header> all = new ArrayList<>(headers.size() + 1);
        all.addAll(headers);
        all.add(new RecordHeader(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8)));
        return all;
    }

    /** Ends the span, marking it failed when the broker did not take the record. */
    public static void end(Span span, Exception error) {
        if (error != null) {
            span.recordException(error);
            span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR);
        }
        span.end();
    }
}
