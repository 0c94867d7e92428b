package dev.atrium.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GenerationIdTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Test
    void idsAreDistinctAndUseTheWholeAlphabetEvenly() {
        Set<String> ids = new HashSet<>();
        Map<Character, Integer> seen = new HashMap<>();
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            String id = GenerationId.next();
            assertThat(id).matches("gen-[0-9A-Za-z]{24}");
            ids.add(id);
            id.substring(4).chars().forEach(c -> seen.merge((char) c, 1, Integer::sum));
        }

        assertThat(ids).hasSize(n);
        assertThat(seen).hasSize(ALPHABET.length());
        // 120,000 characters: about 1,935 of each; a skewed mapping (e.g. modulo 62) would double two of them.
        assertThat(seen.values()).allSatisfy(count -> assertThat(count).isBetween(1_650, 2_250));
    }
}
