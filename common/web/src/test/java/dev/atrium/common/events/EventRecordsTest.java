package dev.atrium.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class EventRecordsTest {

    private static final String TYPE = "dev.atrium.test.thing.v1";

    private final ObjectMapper json = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    record Thing(String thingId, int count) {
    }

    @Test
    void aRecordOfTheTopicsTypeIsReadAndUnderstood() {
        assertThat(read(TYPE, "{\"thing_id\":\"t1\",\"count\":3}")).contains("t1x3");
    }

    @Test
    void aRecordWithoutATypeIsReadAsTheTopicsOwn() {
        assertThat(read(null, "{\"thing_id\":\"t2\",\"count\":1}")).contains("t2x1");
    }

    @Test
    void aRecordOfAnotherTypeIsSkippedUnread() {
        assertThat(read("dev.atrium.test.other.v1", "not even json")).isEmpty();
    }

    @Test
    void aRecordWithoutAReadableBodyIsSkipped() {
        assertThat(read(TYPE, "{not json")).isEmpty();
        assertThat(read(TYPE, "")).isEmpty();
        assertThat(read(TYPE, "null")).isEmpty();
        assertThat(read(TYPE, null)).isEmpty();
    }

    @Test
    void aBodyTheConsumerRefusesIsSkipped() {
        Optional<String> refused = EventRecords.read(record(TYPE, "{\"thing_id\":\"t3\",\"count\":-1}"), json, TYPE,
                Thing.class, t -> {
                    if (t.count() < 0) {
                        throw new IllegalArgumentException("count must not be negative");
                    }
                    return t.thingId();
                });
        assertThat(refused).isEmpty();
    }

    private Optional<String> read(String type, String value) {
        return EventRecords.read(record(type, value), json, TYPE, Thing.class, t -> t.thingId() + "x" + t.count());
    }

    private static ConsumerRecord<String, String> record(String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("atrium.test", 0, 7, "key", value);
        if (type != null) {
            for (Header h : CloudEventHeaders.of("evt-1", type, "/atrium/test", Instant.parse("2026-12-07T00:00:00Z"))) {
                record.headers().add(h);
            }
        }
        return record;
    }
}
