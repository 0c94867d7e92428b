package dev.atrium.guardrail.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs content filters over a text: any block match refuses the request, redact matches are
 * replaced by {@code [REDACTED:<filter>]}, flag matches are reported. When redactions overlap, the
 * longer one wins (a card number over the phone number inside it), then the earlier filter.
 */
public final class ContentScan {

    /** Steps a pattern may take per character scanned before it is given up as runaway. */
    private static final int STEPS_PER_CHAR = 200;

    private static final Map<Builtin, Pattern> BUILTINS = new EnumMap<>(Builtin.class);

    static {
        BUILTINS.put(Builtin.EMAIL, Pattern.compile(
                "(?<![\\w.%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}"
                        + "(?![\\w-])"));
        BUILTINS.put(Builtin.PHONE, Pattern.compile(
                "(?<![\\w+])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{2,4}\\)[ .-]?|\\d{2,4}[ .-])\\d{3,4}[ .-]?\\d{3,4}(?![\\w-])"));
        BUILTINS.put(Builtin.CREDIT_CARD, Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])"));
        BUILTINS.put(Builtin.SSN, Pattern.compile(
                "(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\d-])"));
        String octet = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
        BUILTINS.put(Builtin.IP_ADDRESS, Pattern.compile("(?<![\\d.])" + octet + "(?:\\." + octet + "){3}(?!\\.?\\d)"
                + "|(?i)(?<![:\\w])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![:\\w])"));
        BUILTINS.put(Builtin.PROMPT_INJECTION, Pattern.compile("(?i)\\b(?:"
                + "(?:ignore|disregard|forget|override)\\s+(?:all\\s+|any\\s+)?(?:of\\s+)?(?:the\\s+|your\\s+|my\\s+)?"
                + "(?:previous|prior|above|earlier|preceding|system)\\s+(?:instructions|prompts?|rules|directions|messages)"
                + "|(?:reveal|show|print|repeat|leak)\\s+(?:me\\s+)?(?:your|the)\\s+(?:system\\s+prompt|hidden\\s+instructions"
                + "|initial\\s+instructions)"
                + "|you\\s+are\\s+now\\s+(?:in\\s+)?(?:DAN|developer\\s+mode|jailbroken|unrestricted)"
                + "|act\\s+as\\s+if\\s+you\\s+(?:have|had)\\s+no\\s+(?:restrictions|rules|guidelines)"
                + "|pretend\\s+(?:that\\s+)?you\\s+(?:have|had)\\s+no\\s+(?:restrictions|rules|guidelines))\\b"));
    }

    private ContentScan() {
    }

    public static ScanResult scan(List<ContentFilter> filters, String text) {
        if (text == null || text.isEmpty() || filters.isEmpty()) {
            return ScanResult.clean(text);
        }
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            find(filters.get(i), i, text, matches);
        }
        matches.sort(Comparator.comparingInt(Match::start).thenComparingInt(Match::order));
        ContentFilter blockedBy = matches.stream().filter(m -> m.filter().action() == FilterAction.BLOCK)
                .findFirst().map(Match::filter).orElse(null);
        LinkedHashSet<String> flags = new LinkedHashSet<>();
        matches.stream().filter(m -> m.filter().action() == FilterAction.FLAG)
                .forEach(m -> flags.add(m.filter().name()));
        List<Redaction> redactions = new ArrayList<>();
        StringBuilder redacted = new StringBuilder();
        int at = 0;
        List<Match> redact = matches.stream().filter(m -> m.filter().action() == FilterAction.REDACT).toList();
        for (Match m : withoutOverlaps(redact)) {
            String replacement = "[REDACTED:" + m.filter().name() + "]";
            redactions.add(new Redaction(m.filter().name(), m.start(), m.end(), text.substring(m.start(), m.end()),
                    replacement));
            redacted.append(text, at, m.start()).append(replacement);
            at = m.end();
        }
        redacted.append(text, at, text.length());
        return new ScanResult(blockedBy, redacted.toString(), List.copyOf(redactions), List.copyOf(flags));
    }

    /** Whether the digits of a card number pass the Luhn check. */
    public static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static void find(ContentFilter filter, int order, String text, List<Match> into) {
        Pattern pattern = filter.builtin() != null ? BUILTINS.get(filter.builtin()) : Pattern.compile(filter.pattern());
        Matcher m = pattern.matcher(new StepLimited(text, (long) STEPS_PER_CHAR * text.length() + 10_000));
        try {
            while (m.find()) {
                if (m.end() > m.start() && accepts(filter, text.substring(m.start(), m.end()))) {
                    into.add(new Match(filter, order, m.start(), m.end()));
                }
            }
        } catch (StepLimited.Exhausted e) {
            // A pattern that runs away on this text is given up rather than failing the check.
        }
    }

    private static boolean accepts(ContentFilter filter, String match) {
        if (filter.builtin() != Builtin.CREDIT_CARD) {
            return true;
        }
        String digits = match.replaceAll("[ -]", "");
        return digits.length() >= 13 && digits.length() <= 19 && luhn(digits);
    }

    private static List<Match> withoutOverlaps(List<Match> matches) {
        List<Match> byStrength = new ArrayList<>(matches);
        byStrength.sort(Comparator.comparingInt((Match m) -> m.start() - m.end()).thenComparingInt(Match::order)
                .thenComparingInt(Match::start));
        List<Match> kept = new ArrayList<>();
        for (Match m : byStrength) {
            if (kept.stream().noneMatch(k -> k.start() < m.end() && m.start() < k.end())) {
                kept.add(m);
            }
        }
        kept.sort(Comparator.comparingInt(Match::start));
        return kept;
    }

    private record Match(ContentFilter filter, int order, int start, int end) {
    }

    /** A text that stops a regular expression after a number of character reads. */
    private static final class StepLimited implements CharSequence {

        private final String text;
        private final long[] left;

        StepLimited(String text, long steps) {
            this(text, new long[] {steps});
        }

        private StepLimited(String text, long[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new StepLimited(text.substring(start, end), left);
        }

        @Override
        public String toString() {
            return text;
        }

        static final class Exhausted extends RuntimeException {
            Exhausted() {
                super(null, null, false, false);
            }
        }
    }
}
