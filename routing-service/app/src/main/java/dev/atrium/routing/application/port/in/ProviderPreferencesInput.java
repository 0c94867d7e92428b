package dev.atrium.routing.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.routing.api.MaxPrice;
import dev.atrium.routing.api.ProviderPreferences;
import dev.atrium.routing.domain.PreferenceLayer;
import dev.atrium.routing.domain.SortOrder;
import java.math.BigDecimal;
import java.util.List;

/** Checks a {@code provider} object field by field, naming the field ({@code prefix} + name) it refuses. */
public final class ProviderPreferencesInput {

    private ProviderPreferencesInput() {
    }

    public static PreferenceLayer parse(ProviderPreferences p, String prefix) {
        if (p == null) {
            return PreferenceLayer.EMPTY;
        }
        SortOrder sort = null;
        if (p.sort() != null) {
            try {
                sort = SortOrder.parse(p.sort());
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException(prefix + "sort", e.getMessage());
            }
        }
        if (p.dataCollection() != null && !List.of("allow", "deny").contains(p.dataCollection())) {
            throw new InvalidFieldException(prefix + "data_collection", "data_collection must be allow or deny");
        }
        MaxPrice max = p.maxPrice();
        return new PreferenceLayer(names(p.order(), prefix + "order"), names(p.only(), prefix + "only"),
                names(p.ignore(), prefix + "ignore"), p.allowFallbacks(), sort,
                p.dataCollection() == null ? null : "deny".equals(p.dataCollection()), p.zdr(),
                names(p.quantizations(), prefix + "quantizations"),
                price(max == null ? null : max.prompt(), prefix + "max_price.prompt"),
                price(max == null ? null : max.completion(), prefix + "max_price.completion"),
                p.requireParameters());
    }

    private static List<String> names(List<String> values, String field) {
        if (values != null && values.stream().anyMatch(v -> v == null || v.isBlank())) {
            throw new InvalidFieldException(field, field + " must not hold empty names");
        }
        return values;
    }

    private static BigDecimal price(BigDecimal value, String field) {
        if (value != null && value.signum() < 0) {
            throw new InvalidFieldException(field, field + " must not be negative (USD per token)");
        }
        return value;
    }
}
