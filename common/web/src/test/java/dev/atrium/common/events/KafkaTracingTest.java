package dev.atrium.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class KafkaTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

    private static Context requestContext() {
        return Context.root().with(Span.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(),
                TraceState.getDefault())));
    }

    @Test
    void writesTheRequestsTraceparentAndReadsItBack() {
        assertThat(KafkaTracing.traceparent(requestContext())).isEqualTo(TRACEPARENT);
        Span restored = Span.fromContext(KafkaTracing.context(TRACEPARENT));
        assertThat(restored.getSpanContext().getTraceId()).isEqualTo(TRACE_ID);
        assertThat(restored.getSpanContext().getSpanId()).isEqualTo(SPAN_ID);
    }

    @Test
    void outsideATraceThereIsNoTraceparent() {
        assertThat(KafkaTracing.traceparent(Context.root())).isNull();
        assertThat(Span.fromContext(KafkaTracing.context(null)).getSpanContext().isValid()).isFalse();
        assertThat(Span.fromContext(KafkaTracing.context("garbage")).getSpanContext().isValid()).isFalse();
        List<Header> headers = CloudEventHeaders.of("evt-1", "t", "s", Instant.EPOCH);
        assertThat(KafkaTracing.withTrace(headers, Span.getInvalid())).isSameAs(headers);
    }

    @Test
    void recordHeadersCarryTheTraceEvenWithoutAnSdk() {
        Span publish = new KafkaTracing(OpenTelemetry.noop()).startPublish("atrium.usage.recorded", requestContext());
        List<Header> headers = KafkaTracing.withTrace(CloudEventHeaders.of("evt-1", "t", "s", Instant.EPOCH), publish);
        KafkaTracing.end(publish, null);
        Header traceparent = headers.get(headers.size() - 1);
        assertThat(traceparent.key()).isEqualTo("traceparent");
        assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).isEqualTo(TRACEPARENT);
        assertThat(headers).extracting(Header::key).contains("ce_id", "ce_type");
    }
}
