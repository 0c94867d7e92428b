package dev.atrium.common.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputRulesTest {

    @Test
    void refusesNulAndSpacesInIdsNamingTheField() {
        assertThatThrownBy(() -> InputRules.id("owner_user_id", "ab\u0000cd"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("owner_user_id must not contain spaces or control characters")
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("owner_user_id");
        assertThatThrownBy(() -> InputRules.id("owner_user_id", "a b")).isInstanceOf(InvalidFieldException.class);
        assertThat(InputRules.id("owner_user_id", "7d1c2d8e-31b4-4a3c-9f55-0a2d0c6c1f00"))
                .isEqualTo("7d1c2d8e-31b4-4a3c-9f55-0a2d0c6c1f00");
    }

    @Test
    void refusesIdsLongerThanTheColumn() {
        assertThat(InputRules.optionalId("owner_user_id", "u".repeat(64))).hasSize(64);
        assertThatThrownBy(() -> InputRules.optionalId("owner_user_id", "u".repeat(65)))
                .hasMessage("owner_user_id must have 1 to 64 characters");
        assertThat(InputRules.optionalId("owner_user_id", null)).isNull();
    }

    @Test
    void textRefusesControlCharactersAndLength() {
        assertThatThrownBy(() -> InputRules.text("name", "ci\u0000", 200))
                .hasMessage("name must not contain control characters");
        assertThatThrownBy(() -> InvalidFieldException.requireText("name", "line\nbreak", 200))
                .hasMessage("name must not contain control characters");
        assertThatThrownBy(() -> InputRules.text("name", "x".repeat(201), 200))
                .hasMessage("name must be at most 200 characters");
        assertThat(InputRules.text("name", "  ci key ", 200)).isEqualTo("ci key");
        assertThat(InputRules.optionalLongText("description", "two\nlines\tok", 100)).isEqualTo("two\nlines\tok");
        assertThatThrownBy(() -> InputRules.optionalLongText("description", "nul\u0000", 100))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void amountIsFiniteNonNegativeBelowTheCapWithTenPlaces() {
        assertThatThrownBy(() -> InputRules.amount("limit", new BigDecimal("1e40")))
                .hasMessage("limit must be less than 1000000000");
        assertThatThrownBy(() -> InputRules.amount("limit", new BigDecimal("1000000000")))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> InputRules.amount("limit", new BigDecimal("-0.01")))
                .hasMessage("limit must not be negative");
        assertThatThrownBy(() -> InputRules.amount("limit", new BigDecimal("0.00000000001")))
                .hasMessage("limit may have at most 10 decimal places");
        assertThatThrownBy(() -> InputRules.positiveAmount("amount", BigDecimal.ZERO))
                .hasMessage("amount must be greater than 0");
        assertThat(InputRules.amount("limit", new BigDecimal("999999999.9999999999")))
                .isEqualByComparingTo("999999999.9999999999");
        assertThat(InputRules.amount("limit", new BigDecimal("5.000000000000000"))).isEqualByComparingTo("5");
        assertThat(InputRules.amount("limit", null)).isNull();
    }

    @Test
    void findsRawAndPercentEncodedControlCharacters() {
        assertThat(RequestEdge.hasEncodedControl("/api/v1/workspaces/ws%00x/keys")).isTrue();
        assertThat(RequestEdge.hasEncodedControl("/api/v1/workspaces/ws%1f")).isTrue();
        assertThat(RequestEdge.hasEncodedControl("/api/v1/workspaces/ws%7F")).isTrue();
        assertThat(RequestEdge.hasEncodedControl("cursor=a\u0000")).isTrue();
        assertThat(RequestEdge.hasEncodedControl("/api/v1/workspaces/ws%20x/keys%2F%")).isFalse();
        assertThat(RequestEdge.hasEncodedControl(null)).isFalse();
    }

    @Test
    void readsTheBodyLimitAsQuarkusWritesIt() {
        assertThat(RequestEdge.bodyLimit(Optional.of("256K"))).isEqualTo(262_144);
        assertThat(RequestEdge.bodyLimit(Optional.of("4M"))).isEqualTo(4_194_304);
        assertThat(RequestEdge.bodyLimit(Optional.of("1000"))).isEqualTo(1000);
        assertThat(RequestEdge.bodyLimit(Optional.empty())).isEqualTo(10_485_760);
    }

    @Test
    void aValueTheDatabaseRefusedIsA400() {
        RuntimeException wrapped = new RuntimeException("could not execute statement",
                new SQLException("value too long for type character varying(64)", "22001"));
        assertThat(Errors.body(wrapped).error().code()).isEqualTo(400);
        assertThat(Errors.body(new RuntimeException(new SQLException("deadlock", "40P01"))).error().code())
                .isEqualTo(500);
    }
}
