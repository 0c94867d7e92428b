package dev.atrium.billing.application.port.in;

import dev.atrium.common.error.InputRules;
import dev.atrium.common.error.InvalidFieldException;

/** Field checks shared by the commands, each naming the field it rejects. */
final class Fields {

    static final int MAX_ID = 100;

    private Fields() {
    }

    /** An opaque id as another service issued it: required, at most {@value #MAX_ID} characters. */
    static String id(String field, String value) {
        String id = InvalidFieldException.requireText(field, value, MAX_ID);
        if (!id.equals(value)) {
            throw new InvalidFieldException(field, field + " must not have surrounding spaces");
        }
        return id;
    }

    static String optional(String field, String value, int maxLength) {
        return InputRules.optionalLongText(field, value, maxLength);
    }

    static long notNegative(String field, long value) {
        if (value < 0) {
            throw new InvalidFieldException(field, field + " must not be negative");
        }
        return value;
    }
}
