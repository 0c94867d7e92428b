package dev.atrium.guardrail.adapter.in.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.events.UntilDone;
import dev.atrium.guardrail.application.port.in.LearnPricesUseCase;
import dev.atrium.guardrail.domain.price.EndpointPrice;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the price view from atrium.routing.events: an endpoint event carrying a model, a provider
 * and per-token prices updates that endpoint; a removed or deleted endpoint event drops it. Reads
 * the payload loosely (prices flat or under {@code pricing}/{@code price}, as strings or numbers), so
 * the exact record routing publishes may evolve; other events are not ours.
 */
@ApplicationScoped
class RoutingEventsConsumer {

    private static final Logger LOG = Logger.getLogger(RoutingEventsConsumer.class);

    private final LearnPricesUseCase prices;
    private final ObjectMapper mapper;

    RoutingEventsConsumer(LearnPricesUseCase prices, ObjectMapper mapper) {
        this.prices = prices;
        this.mapper = mapper;
    }

    @Incoming("routing-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        String type = String.valueOf(CloudEventHeaders.read(record.headers(), "ce_type"));
        if (!type.contains(".endpoint.")) {
            return;
        }
        try {
            JsonNode e = mapper.readTree(record.value());
            String model = text(e, "model", "model_id", "model_slug");
            String provider = text(e, "provider", "provider_id", "tag", "provider_name");
            if (model == null || provider == null) {
                LOG.warnf("Skipping %s without model or provider at %s-%d@%d", type, record.topic(),
                        record.partition(), record.offset());
                return;
            }
            if (type.contains("removed") || type.contains("deleted")) {
                UntilDone.run("Forgetting the price of " + model + " at " + provider, () -> prices.removed(model, provider));
                return;
            }
            BigDecimal prompt = price(e, "prompt");
            BigDecimal completion = price(e, "completion");
            if (prompt == null || completion == null) {
                LOG.warnf("Skipping %s of %s at %s without prices", type, model, provider);
                return;
            }
            JsonNode max = e.path("max_completion_tokens");
            EndpointPrice price = new EndpointPrice(model, provider, prompt, completion,
                    max.canConvertToInt() ? max.intValue() : null);
            UntilDone.run("Learning the price of " + model + " at " + provider, () -> prices.priced(price));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("Skipping malformed %s at %s-%d@%d: %s", type, record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    /** {@code prompt_price}, {@code pricing.prompt} or {@code price.prompt}: per-token, string or number. */
    private static BigDecimal price(JsonNode e, String part) {
        for (JsonNode candidate : new JsonNode[] {e.get(part + "_price"), e.path("pricing").get(part),
                e.path("price").get(part)}) {
            if (candidate != null && (candidate.isNumber() || candidate.isTextual())) {
                return new BigDecimal(candidate.asText());
            }
        }
        return null;
    }
}
