package dev.atrium.routing.application.port.in;

import dev.atrium.common.error.InputRules;
import dev.atrium.common.error.InvalidFieldException;
import java.math.BigDecimal;

/** Field checks shared by the catalogue commands. */
final class CatalogInput {

    private CatalogInput() {
    }

    static String text(String value, String field, int max) {
        InputRules.text(field, value, max);
        return value;
    }

    static boolean flag(Boolean value, String field) {
        if (value == null) {
            throw new InvalidFieldException(field, field + " is required (true or false)");
        }
        return value;
    }

    static Integer positive(Integer value, String field) {
        if (value != null && value <= 0) {
            throw new InvalidFieldException(field, field + " must be positive");
        }
        return value;
    }

    static BigDecimal price(BigDecimal value, String field) {
        if (value == null) {
            throw new InvalidFieldException(field, field + " is required (USD per token, e.g. \"0.00000015\")");
        }
        if (value.signum() < 0) {
            throw new InvalidFieldException(field, field + " must not be negative");
        }
        if (value.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidFieldException(field, field + " is USD per token and cannot exceed 1");
        }
        if (value.stripTrailingZeros().scale() > 16) {
            throw new InvalidFieldException(field, field + " has more than 16 decimals");
        }
        return value;
    }
}
