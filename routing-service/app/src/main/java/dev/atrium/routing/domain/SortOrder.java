package dev.atrium.routing.domain;

import java.util.Locale;

/** {@code provider.sort}: what orders a model's endpoints instead of load balancing. */
public enum SortOrder {
    PRICE,
    THROUGHPUT,
    LATENCY;

    public static SortOrder parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sort must be price, throughput or latency, not " + value);
        }
    }
}
