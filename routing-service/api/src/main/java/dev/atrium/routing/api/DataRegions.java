package dev.atrium.routing.api;

import java.util.List;

/**
 * OpenRouter's data regions, the one vocabulary guardrails and the catalogue share: {@code europe} and {@code us}
 * for endpoints that keep prompts and completions inside that region, {@code global} for endpoints that promise
 * no region (OpenRouter's own words for a declared region: "global means not regional").
 */
public final class DataRegions {

    public static final String GLOBAL = "global";
    public static final String EUROPE = "europe";
    public static final String US = "us";
    public static final List<String> ALL = List.of(GLOBAL, EUROPE, US);

    private DataRegions() {
    }

    public static boolean isKnown(String region) {
        return ALL.contains(region);
    }

    /** An endpoint whose region nobody stated promises none: {@code global}. */
    public static String orGlobal(String region) {
        return region == null ? GLOBAL : region;
    }
}
