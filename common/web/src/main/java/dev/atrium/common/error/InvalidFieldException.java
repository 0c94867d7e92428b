package dev.atrium.common.error;

/**
 * Thrown by self-validating commands and value objects: plain Java, so the domain and the
 * application layer can use it without a framework. Answered as 400 naming the field.
 */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Required single-line text; see {@link InputRules#text}. */
    public static String requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, field + " is required");
        }
        return InputRules.optionalText(field, value, maxLength);
    }
}
