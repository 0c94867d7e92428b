package dev.atrium.guardrail.domain.content;

import com.google.re2j.PatternSyntaxException;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.domain.policy.PolicyDocument;
import java.util.List;
import java.util.Objects;

/**
 * One content filter: a builtin detector or a custom regular expression, and what to do with a
 * match. A custom pattern must run on RE2/J, the linear-time engine the scan uses: constructs that
 * need backtracking (back-references, lookahead, lookbehind, atomic groups, possessive quantifiers)
 * are refused when written, naming the construct.
 *
 * <p>A filter stored before the scan took RE2 syntax may hold such a pattern: read back through
 * {@link #stored}, it loads with {@code unrunnable} saying why (the policy around it still loads), and
 * refuses every text it would scan until an administrator saves it again (fail closed).
 */
public record ContentFilter(Builtin builtin, String pattern, FilterAction action, String label, String unrunnable) {

    static final int MAX_PATTERN_LENGTH = 500;
    static final int MAX_FILTERS = 50;
    /** The field a pattern's refusal names. */
    public static final String PATTERN_FIELD = PolicyDocument.CONTENT_FILTERS + ".pattern";
    public ContentFilter {
        Objects.requireNonNull(action, "action");
        if ((builtin == null) == (pattern == null)) {
            throw new InvalidFieldException(PolicyDocument.CONTENT_FILTERS,
                    "A content filter has either a builtin or a pattern");
        }
        if (pattern != null && unrunnable == null) {
            checkPattern(pattern);
        }
        if (label != null && (label.isBlank() || label.length() > 100)) {
            throw new InvalidFieldException(PolicyDocument.CONTENT_FILTERS,
                    "A content filter's label must have 1 to 100 characters");
        }
    }

    /** A filter as written now: its pattern must run on RE2/J. */
    public ContentFilter(Builtin builtin, String pattern, FilterAction action, String label) {
        this(builtin, pattern, action, label, null);
    }

    /**
     * A filter read back from storage: one whose pattern the scan cannot run (written before content filters
     * took RE2 syntax) is kept, marked unrunnable with the reason, rather than failing the whole policy.
     */
    public static ContentFilter stored(Builtin builtin, String pattern, FilterAction action, String label) {
        try {
            return new ContentFilter(builtin, pattern, action, label);
        } catch (InvalidFieldException e) {
            if (!PATTERN_FIELD.equals(e.field())) {
                throw e;
            }
            return new ContentFilter(builtin, pattern, action, label, e.getMessage()
                    + ". It refuses every text it would scan until it is saved again with an RE2 pattern");
        }
    }

    /** The name a denial or a redaction gives it: the label, else the builtin's name, else the pattern. */
    public String name() {
        if (label != null) {
            return label;
        }
        return builtin != null ? builtin.wire() : pattern;
    }

    public static List<ContentFilter> validate(List<ContentFilter> filters) {
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
            throw new InvalidFieldException(PATTERN_FIELD,
                    "A pattern must have 1 to " + MAX_PATTERN_LENGTH + " characters");
        }
        String construct = backtrackingConstruct(pattern);
        if (construct != null) {
            throw new InvalidFieldException(PATTERN_FIELD, "Pattern '" + pattern + "' uses " + construct
                    + ", which the linear-time pattern engine (RE2) cannot run; content filters take RE2 syntax");
        }
        try {
            ContentScan.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new InvalidFieldException(PATTERN_FIELD, "Invalid pattern '" + pattern + "': "
                    + e.getDescription() + (e.getPattern() == null || e.getPattern().isEmpty() ? ""
                            : " at '" + e.getPattern() + "'") + " (content filters take RE2 syntax)");
        }
    }

    /**
     * The first construct of {@code pattern} that needs a backtracking engine, described for the
     * caller, or null. Escapes and character classes are skipped, so {@code [(?=]} or {@code \(?=} are
     * literals.
     */
    static String backtrackingConstruct(String pattern) {
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            char next = i + 1 < pattern.length() ? pattern.charAt(i + 1) : 0;
            if (c == '\\') {
                if (!inClass && next >= '1' && next <= '9') {
                    return "a back-reference (\\" + next + ")";
                }
                if (!inClass && next == 'k') {
                    return "a back-reference (\\k)";
                }
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                // A ] right after [ or [^ is a literal inside the class.
                if (next == '^') {
                    i++;
                }
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == '(' && next == '?') {
                String rest = pattern.substring(i + 2);
                if (rest.startsWith("=") || rest.startsWith("!")) {
                    return "a lookahead (" + pattern.substring(i, i + 3) + ")";
                }
                if (rest.startsWith("<=") || rest.startsWith("<!")) {
                    return "a lookbehind (" + pattern.substring(i, i + 4) + ")";
                }
                if (rest.startsWith(">")) {
                    return "an atomic group ((?>)";
                }
            } else if ((c == '*' || c == '+' || c == '?' || c == '}') && next == '+') {
                return "a possessive quantifier (" + c + "+)";
            }
        }
        return null;
    }
}
