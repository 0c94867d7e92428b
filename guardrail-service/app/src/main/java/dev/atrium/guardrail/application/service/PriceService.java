package dev.atrium.guardrail.application.service;

import dev.atrium.common.cache.KeptValues;
import dev.atrium.guardrail.application.port.in.LearnPricesUseCase;
import dev.atrium.guardrail.application.port.out.AfterTransaction;
import dev.atrium.guardrail.application.port.out.CatalogSource;
import dev.atrium.guardrail.application.port.out.PriceView;
import dev.atrium.guardrail.domain.price.EndpointPrice;
import dev.atrium.guardrail.domain.price.ModelPrice;
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
import java.util.concurrent.TimeUnit;
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
    /**
     * How long a model's highest prices are used without reading the view again. A price this instance
     * learns replaces them when its transaction ends (as {@link LevelPolicies} does: a read begun before
     * is not kept past it); one another instance learned applies here within this time. A price only
     * sizes the worst case held: settlement charges the real cost.
     */
    static final Duration KNOWN_FOR = Duration.ofSeconds(5);

    private final PriceView view;
    private final CatalogSource catalog;
    private final AfterTransaction afterTransaction;
    private final Clock clock;
    private final Map<String, Instant> unknownUntil = new ConcurrentHashMap<>();
    /** Per model the view knows, its highest prices: at most as many as the catalogue has models. */
    private final KeptValues<String, ModelPrice> recent;

    public PriceService(PriceView view, CatalogSource catalog, AfterTransaction afterTransaction, Clock clock) {
        this.view = view;
        this.catalog = catalog;
        this.afterTransaction = afterTransaction;
        this.clock = clock;
        this.recent = KeptValues.keptFor(Integer.MAX_VALUE, KNOWN_FOR,
                () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
    }

    /**
     * The known models' highest prices; a model neither the view nor routing knows is left out. A
     * model's prices read from the view are kept for {@link #KNOWN_FOR}, so most checks read none.
     */
    List<ModelPrice> highest(List<String> requested) {
        List<String> models = requested.stream().map(PriceService::catalogId).distinct().toList();
        Instant now = clock.instant();
        long began = recent.generation();
        long asked = recent.now();
        List<ModelPrice> known = new ArrayList<>();
        List<String> toRead = new ArrayList<>();
        for (String model : models) {
            ModelPrice kept = recent.find(model, asked);
            if (kept != null) {
                known.add(kept);
            } else {
                toRead.add(model);
            }
        }
        if (!toRead.isEmpty()) {
            known.addAll(remember(view.highest(toRead), began, asked));
        }
        Set<String> found = known.stream().map(ModelPrice::model).collect(Collectors.toSet());
        List<String> missing = models.stream().filter(m -> !found.contains(m)).toList();
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
                known.addAll(remember(view.highest(List.of(model)), began, asked));
            }
        }
        return known;
    }

    private List<ModelPrice> remember(List<ModelPrice> prices, long began, long asked) {
        prices.forEach(p -> recent.keep(p.model(), p, began, asked));
        return prices;
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
        afterTransaction.run(recent::forgetAll);
    }

    @Override
    @Transactional
    public void removed(String model, String provider) {
        view.remove(model, provider);
        afterTransaction.run(recent::forgetAll);
    }
}
