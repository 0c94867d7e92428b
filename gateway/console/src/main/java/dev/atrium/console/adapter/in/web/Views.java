package dev.atrium.console.adapter.in.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the services' JSON into what templates read (maps, lists, exact decimals) and formats money. */
final class Views {

    private static final ObjectMapper PLAIN = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Views() {
    }

    static Object plain(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return PLAIN.convertValue(node, Object.class);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(JsonNode array) {
        Object plain = plain(array);
        return plain instanceof List<?> list ? (List<Map<String, Object>>) list : new ArrayList<>();
    }

    /** Dollars as people read them: at least two decimals, and every digit billing keeps beyond (no rounding). */
    static String money(JsonNode amount) {
        if (amount == null || !amount.isNumber()) {
            return "—";
        }
        return money(amount.decimalValue());
    }

    static String money(BigDecimal amount) {
        BigDecimal exact = amount.stripTrailingZeros();
        return "$" + (exact.scale() < 2 ? exact.setScale(2, RoundingMode.UNNECESSARY) : exact).toPlainString();
    }

    /** The chart data a canvas carries: labels and values as a JSON text (the page's script draws it). */
    static String chart(List<Map<String, Object>> rows, String label, String value) {
        var labels = new ArrayList<Object>();
        var values = new ArrayList<Object>();
        for (Map<String, Object> row : rows) {
            labels.add(String.valueOf(row.get(label)));
            values.add(row.get(value));
        }
        try {
            return PLAIN.writeValueAsString(Map.of("labels", labels, "values", values));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
