package dev.atrium.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/** How every consumer reads a record of a published topic, and skips one it cannot read. */
public final class EventRecords {

    private static final Logger LOG = Logger.getLogger(EventRecords.class);

    private EventRecords() {
    }

    /**
     * What a consumer makes of a record: {@code decode} reads the payload by its {@code ce_type} (empty for a
     * type it does not know), {@code understood} turns it into the consumer's command (null: not its concern).
     * A record either step refuses ({@link IllegalArgumentException}, a missing field's
     * {@link NullPointerException}) is logged with where it stands and skipped: redelivering it would fail
     * the same way.
     */
    public static <E, T> Optional<T> read(ConsumerRecord<String, String> record,
            BiFunction<String, String, Optional<E>> decode, Function<? super E, T> understood) {
        String type = CloudEventHeaders.read(record.headers(), "ce_type");
        try {
            return decode.apply(type, record.value()).map(understood);
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("Skipping malformed %s event %s at %s-%d@%d: %s", type,
                    CloudEventHeaders.read(record.headers(), "ce_id"), record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * {@link #read(ConsumerRecord, BiFunction, Function)} for a topic of one type (the gateway's usage records and
     * provider attempts): the JSON body as {@code payload}, with the consumer's settings (snake_case); a record
     * of another {@code ce_type} is skipped, one without a type is read as the topic's own.
     */
    public static <E, T> Optional<T> read(ConsumerRecord<String, String> record, ObjectMapper json, String type,
            Class<E> payload, Function<? super E, T> understood) {
        return read(record, (t, value) -> t == null || t.equals(type) ? Optional.of(body(json, value, payload))
                : Optional.<E>empty(), understood);
    }

    private static <E> E body(ObjectMapper json, String value, Class<E> payload) {
        try {
            // a missing value is refused by Jackson (IllegalArgumentException), a JSON null here
            return Objects.requireNonNull(json.readValue(value, payload), "the record's body is null");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable body: " + e.getOriginalMessage(), e);
        }
    }
}
