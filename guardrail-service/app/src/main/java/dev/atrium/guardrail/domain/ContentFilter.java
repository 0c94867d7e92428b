package dev.atrium.guardrail.domain;

import dev.atrium.common.error.InvalidFieldException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One content filter: a builtin detector or a custom regular expression, and what to do with a
 * match. A custom pattern is compiled and screened for catastrophic backtracking when written,
 * so a check never fails on a stored filter.
 */
public record ContentFilter(Builtin builtin, String pattern, FilterAction action, String label) {

    static final int MAX_PATTERN_LENGTH = 500;
    static final int MAX_FILTERS = 50;
    /** A group that repeats and holds a repetition itself, e.g. {@code (a+)+} or {@code (\w*x?)*}. */
    private static final Pattern NESTED_QUANTIFIER = Pattern.compile("\\((?:[^()\\\\]|\\\\.)*[+*}](?:[^()\\\\]|\\\\.)*\\)[+*{]");

    public ContentFilter {
        Objects.requireNonNull(action, "action");
        if ((builtin == null) == (pattern == null)) {
            throw new InvalidFieldException(PolicyDocument.CONTENT_FILTERS,
                    "A content filter has either a builtin or a pattern");
        }
        if (pattern != null) {
            checkPattern(pattern);
        }
        if (label != null && (label.isBlank() || label.length() > 100)) {
            throw new InvalidFieldException(PolicyDocument.CONTENT_FILTERS,
                    "A content filter's label must have 1 to 100 characters");
        }
    }

    /** The name a denial or a redaction gives it: the label, else the builtin's name, else the pattern. */
    public String name() {
        if (label != null) {
            return label;
        }
        return builtin != null ? builtin.wire() : pattern;
    }

    static List<ContentFilter> validate(List<ContentFilter> filters) {
        if (filters == null) {
            return null;
        }
        if (filters.size() > MAX_FILTERS || filters.stream().anyMatch(Objects::isNull)) {
            throw new InvalidFieldException(PolicyDocument.CONTENT_FILTERS,
                    "content_filters may hold at most " + MAX_FILTERS + " filters");
        }
        return List.copyOf(filters);
    }

    private static void checkPattern(String pattern) {
        if (pattern.isEmpty() || pattern.length() > MAX_PATTERN_LENGTH) {
            throw new InvalidFieldException(PolicyDocument.CONTENT_FILTERS,
                    "A pattern must have 1 to " + MAX_PATTERN_LENGTH + " characters");
        }
        try {
            Pattern.compile(pattern);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(PolicyDocument.CONTENT_FILTERS,
                    "Invalid pattern '" + pattern + "': " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (NESTED_QUANTIFIER.matcher(pattern).find() || pattern.contains("\\1")) {
            throw new InvalidFieldException(PolicyDocument.CONTENT_FILTERS, "Pattern '" + pattern
                    + "' may backtrack catastrophically (a repeated group holding a repetition, or a back-reference)");
        }
    }
}
