package dev.atrium.guardrail.application.service;

import dev.atrium.guardrail.application.port.in.LearnPricesUseCase;
import dev.atrium.guardrail.application.port.out.CatalogSource;
import dev.atrium.guardrail.application.port.out.PriceView;
import dev.atrium.guardrail.domain.EndpointPrice;
import dev.atrium.guardrail.domain.ModelPrice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The highest prices of the requested models: from the view routing's events keep, else from
 * routing's public catalogue on first need (kept in the view for every later check; a model
 * routing does not know is asked for again after {@link #UNKNOWN_FOR}).
 */
@ApplicationScoped
public class PriceService implements LearnPricesUseCase {

    /** How long a model routing did not know is not asked for again, so unknown models cost no round trip each. */
    static final Duration UNKNOWN_FOR = Duration.ofSeconds(30);

    private final PriceView view;
    private final CatalogSource catalog;
    private final Clock clock;
    private final Map<String, Instant> unknownUntil = new ConcurrentHashMap<>();

    public PriceService(PriceView view, CatalogSource catalog, Clock clock) {
        this.view = view;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The known models' highest prices; a model neither the view nor routing knows is left out. */
    List<ModelPrice> highest(List<String> requested) {
        List<String> models = requested.stream().map(PriceService::catalogId).distinct().toList();
        List<ModelPrice> known = new ArrayList<>(view.highest(models));
        Set<String> found = known.stream().map(ModelPrice::model).collect(Collectors.toSet());
        List<String> missing = models.stream().filter(m -> !found.contains(m)).toList();
        Instant now = clock.instant();
        for (String model : missing) {
            if (now.isBefore(unknownUntil.getOrDefault(model, Instant.MIN))) {
                continue;
            }
            List<EndpointPrice> endpoints = catalog.endpoints(model);
            endpoints.forEach(view::save);
            if (endpoints.isEmpty()) {
                unknownUntil.put(model, now.plus(UNKNOWN_FOR));
            } else {
                unknownUntil.remove(model);
                known.addAll(view.highest(List.of(model)));
            }
        }
        return known;
    }

    /** {@code openai/gpt-4o:nitro} is priced as {@code openai/gpt-4o}. */
    private static String catalogId(String model) {
        int variant = model.indexOf(':');
        return variant < 0 ? model : model.substring(0, variant);
    }

    @Override
    @Transactional
    public void priced(EndpointPrice endpoint) {
        view.save(endpoint);
    }

    @Override
    @Transactional
    public void removed(String model, String provider) {
        view.remove(model, provider);
    }
}
