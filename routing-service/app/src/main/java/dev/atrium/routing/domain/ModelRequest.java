package dev.atrium.routing.domain;

/**
 * A model the request names, its variant suffix stripped: {@code :floor} sorts by price, {@code :nitro}
 * by throughput.
 *
 * @param sort       the variant's order, null without a variant
 * @param namedBy    the request field that named it ({@code model} or {@code models}), for error messages
 */
public record ModelRequest(String id, SortOrder sort, String namedBy) {

    public static ModelRequest parse(String raw, String namedBy) {
        String value = Ids.requireText(namedBy, raw).strip();
        if (value.endsWith(":floor")) {
            return new ModelRequest(value.substring(0, value.length() - ":floor".length()), SortOrder.PRICE, namedBy);
        }
        if (value.endsWith(":nitro")) {
            return new ModelRequest(value.substring(0, value.length() - ":nitro".length()), SortOrder.THROUGHPUT,
                    namedBy);
        }
        return new ModelRequest(value, null, namedBy);
    }
}
