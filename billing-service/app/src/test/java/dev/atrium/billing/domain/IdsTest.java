package dev.atrium.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void transactionIdsAreTwentyBase62CharactersAfterTheirPrefixAndDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> ids.add(Ids.transaction()));

        assertThat(ids).hasSize(10_000).allMatch(id -> id.matches("txn_[0-9A-Za-z]{20}"));
        assertThat(Ids.credit()).matches("cr_[0-9A-Za-z]{20}");
    }

    @Test
    void everyCharacterOfTheAlphabetTurnsUpIncludingTheLast() {
        Set<Character> seen = new HashSet<>();
        IntStream.range(0, 2_000).forEach(i -> Ids.transaction().substring(4).chars()
                .forEach(c -> seen.add((char) c)));

        assertThat(seen).hasSize(62).contains('0', 'z');
    }
}
