package dev.atrium.routing.domain;

import dev.atrium.routing.api.Candidate;

/**
 * An endpoint a plan considered, with why it sits where it does.
 *
 * @param kept   whether the plan offers it
 * @param reason kept: {@code order}, {@code sort:price|throughput|latency}, {@code load_balanced},
 *               {@code outage} (balanced last), {@code circuit_probe} (tried last, once per cool-down),
 *               {@code byok} / {@code byok_fallback} (with the workspace's own key, before / after the platform's);
 *               left out: the preference that excluded it ({@code only}, {@code ignore}, {@code zdr},
 *               {@code data_collection}, {@code quantizations}, {@code max_price.prompt|completion},
 *               {@code require_parameters}, {@code allow_fallbacks}) or {@code circuit_open}
 */
public record RankedEndpoint(Candidate candidate, boolean kept, String reason) {

    static RankedEndpoint kept(Candidate candidate, String reason) {
        return new RankedEndpoint(candidate, true, reason);
    }

    static RankedEndpoint excluded(Candidate candidate, String reason) {
        return new RankedEndpoint(candidate, false, reason);
    }
}
