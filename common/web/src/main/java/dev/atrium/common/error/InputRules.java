package dev.atrium.common.error;

import java.math.BigDecimal;

/**
 * The rules every service applies to what a caller sends, in one place: ids, free text and money.
 * Plain Java, so commands and value objects can use them; a breach is an {@link InvalidFieldException}
 * (400 naming the field), never a failure further down (PostgreSQL refuses a NUL, an overlong
 * {@code varchar} or an overflowing {@code numeric} with a 500 otherwise).
 */
public final class InputRules {

    /** Ids are Keycloak subjects (UUIDs), our own ids and slugs: 64 characters is the column width. */
    public static final int MAX_ID = 64;
    /** The largest money amount (USD) any input may carry; columns hold far more, no budget needs more. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    /** Amounts are kept to the micro-dollar and below; ten places is what the {@code numeric} columns keep. */
    public static final int MAX_AMOUNT_SCALE = 10;

    private InputRules() {
    }

    /** A required id: 1 to {@value #MAX_ID} characters, no spaces or control characters. */
    public static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, field + " is required");
        }
        return optionalId(field, value);
    }

    /** As {@link #id}, or null when absent. */
    public static String optionalId(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.length() > MAX_ID) {
            throw new InvalidFieldException(field, field + " must have 1 to " + MAX_ID + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                throw new InvalidFieldException(field, field + " must not contain spaces or control characters");
            }
        }
        return value;
    }

    /** Required single-line text (a name, a label): stripped, at most {@code maxLength}, no control characters. */
    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, field + " is required");
        }
        return optionalText(field, value, maxLength);
    }

    /** As {@link #text}, or null when absent. */
    public static String optionalText(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidFieldException(field, field + " must be at most " + maxLength + " characters");
        }
        if (hasControl(value, false)) {
            throw new InvalidFieldException(field, field + " must not contain control characters");
        }
        return value.strip();
    }

    /** Multi-line text (a description, a prompt template): line breaks and tabs allowed, no other control character. */
    public static String optionalLongText(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidFieldException(field, field + " must be at most " + maxLength + " characters");
        }
        if (hasControl(value, true)) {
            throw new InvalidFieldException(field, field + " must not contain control characters other than line breaks");
        }
        return value;
    }

    /**
     * A money amount in USD, or null when absent: finite (JSON numbers are read as BigDecimal, so
     * {@code 1e40} arrives as such), not negative, below {@link #MAX_AMOUNT}, at most
     * {@value #MAX_AMOUNT_SCALE} decimal places.
     */
    public static BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            throw new InvalidFieldException(field, field + " must not be negative");
        }
        if (value.compareTo(MAX_AMOUNT) >= 0) {
            throw new InvalidFieldException(field, field + " must be less than " + MAX_AMOUNT.toPlainString());
        }
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() > MAX_AMOUNT_SCALE) {
            throw new InvalidFieldException(field, field + " may have at most " + MAX_AMOUNT_SCALE + " decimal places");
        }
        return value;
    }

    /** As {@link #amount}, and greater than zero. */
    public static BigDecimal positiveAmount(String field, BigDecimal value) {
        BigDecimal amount = amount(field, value);
        if (amount != null && amount.signum() == 0) {
            throw new InvalidFieldException(field, field + " must be greater than 0");
        }
        return amount;
    }

    /** True when the text holds a C0/C1 control character (NUL included); line breaks and tabs only if not allowed. */
    public static boolean hasControl(CharSequence value, boolean allowLineBreaks) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(allowLineBreaks && (c == '\n' || c == '\r' || c == '\t'))) {
                return true;
            }
        }
        return false;
    }
}
