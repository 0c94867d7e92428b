package dev.atrium.guardrail.domain;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Runs content filters over a text: any block match refuses the request, redact matches are
 * replaced by {@code [REDACTED:<filter>]}, flag matches are reported. When redactions overlap, the
 * longer one wins (a card number over the phone number inside it), then the earlier filter.
 *
 * <p>Patterns run on RE2/J, whose time is linear in the text whatever the pattern: no pattern can
 * backtrack. A scan still has {@link Bounds}: a text longer than it scans, or a scan that runs past
 * its time, refuses the request naming the filter it could not finish (fail closed, docs/security.md).
 */
public final class ContentScan {

    /**
     * At most {@code maxChars} UTF-16 characters are scanned, and all the filters of one scan stop at
     * {@code time} on the clock (so they never use more CPU than that).
     */
    public record Bounds(int maxChars, Duration time) {

        /** 1 Mi characters; 2 s, well inside the gateway's 5 s for a call to guardrail. */
        public static final Bounds DEFAULT = new Bounds(1 << 20, Duration.ofSeconds(2));

        public Bounds {
            if (maxChars < 1 || time.isNegative() || time.isZero()) {
                throw new IllegalArgumentException("A scan needs room for a character and some time");
            }
        }
    }

    /** Characters read between two looks at the clock. */
    private static final int READS_PER_LOOK = 1 << 14;

    private static final Map<Builtin, Pattern> BUILTINS = new EnumMap<>(Builtin.class);

    /*
     * RE2 has no lookaround, so a builtin consumes the character before and after its match instead
     * ((?:^|[^...]) and (?:$|[^...])) and the match is the pattern's first capturing group that took
     * part; the next search starts at the end of that group, so the character after one match may be
     * the one before the next.
     */
    static {
        BUILTINS.put(Builtin.EMAIL, Pattern.compile("(?:^|[^\\w.%+-])("
                + "[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}"
                + ")(?:$|[^\\w-])"));
        BUILTINS.put(Builtin.PHONE, Pattern.compile("(?:^|[^\\w+])("
                + "(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{2,4}\\)[ .-]?|\\d{2,4}[ .-])\\d{3,4}[ .-]?\\d{3,4}"
                + ")(?:$|[^\\w-])"));
        BUILTINS.put(Builtin.CREDIT_CARD, Pattern.compile("(?:^|[^\\d-])(\\d(?:[ -]?\\d){12,18})(?:$|[^\\d-])"));
        // Area 001-899 but 666, group 01-99, serial 0001-9999: the numbers the SSA never issues are left alone.
        BUILTINS.put(Builtin.SSN, Pattern.compile("(?:^|[^\\d-])("
                + "(?:00[1-9]|0[1-9]\\d|[1-578]\\d\\d|6[0-57-9]\\d|66[0-57-9])"
                + "-(?:0[1-9]|[1-9]\\d)"
                + "-(?:000[1-9]|00[1-9]\\d|0[1-9]\\d\\d|[1-9]\\d{3})"
                + ")(?:$|[^\\d-])"));
        String octet = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
        BUILTINS.put(Builtin.IP_ADDRESS, Pattern.compile("(?:^|[^\\d.])(" + octet + "(?:\\." + octet + "){3})"
                + "(?:$|[^\\d.]|\\.(?:$|\\D))"
                + "|(?:^|[^:\\w])((?i:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}))(?:$|[^:\\w])"));
        BUILTINS.put(Builtin.PROMPT_INJECTION, Pattern.compile("(?i)\\b((?:"
                + "(?:ignore|disregard|forget|override)\\s+(?:all\\s+|any\\s+)?(?:of\\s+)?(?:the\\s+|your\\s+|my\\s+)?"
                + "(?:previous|prior|above|earlier|preceding|system)\\s+(?:instructions|prompts?|rules|directions|messages)"
                + "|(?:reveal|show|print|repeat|leak)\\s+(?:me\\s+)?(?:your|the)\\s+(?:system\\s+prompt|hidden\\s+instructions"
                + "|initial\\s+instructions)"
                + "|you\\s+are\\s+now\\s+(?:in\\s+)?(?:DAN|developer\\s+mode|jailbroken|unrestricted)"
                + "|act\\s+as\\s+if\\s+you\\s+(?:have|had)\\s+no\\s+(?:restrictions|rules|guidelines)"
                + "|pretend\\s+(?:that\\s+)?you\\s+(?:have|had)\\s+no\\s+(?:restrictions|rules|guidelines))\\b)"));
    }

    private ContentScan() {
    }

    public static ScanResult scan(List<ContentFilter> filters, String text) {
        return scan(filters, text, Bounds.DEFAULT, System::nanoTime);
    }

    public static ScanResult scan(List<ContentFilter> filters, String text, Bounds bounds, LongSupplier nanoTime) {
        if (text == null || text.isEmpty() || filters.isEmpty()) {
            return ScanResult.clean(text);
        }
        if (text.length() > bounds.maxChars()) {
            return ScanResult.unfinished(filters.get(0), "cannot scan its " + text.length()
                    + " characters: the content filters scan at most " + bounds.maxChars());
        }
        Clocked input = new Clocked(text, nanoTime, nanoTime.getAsLong() + bounds.time().toNanos());
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            try {
                find(filters.get(i), i, input, matches);
            } catch (Clocked.OutOfTime e) {
                return ScanResult.unfinished(filters.get(i), "could not finish scanning its " + text.length()
                        + " characters within " + bounds.time().toMillis() + " ms");
            }
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
        return new ScanResult(blockedBy, redacted.toString(), List.copyOf(redactions), List.copyOf(flags), null);
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

    /** The pattern a filter runs: its builtin's, or its own compiled on RE2/J (checked when it was written). */
    static Pattern compile(ContentFilter filter) {
        return filter.builtin() != null ? BUILTINS.get(filter.builtin()) : Pattern.compile(filter.pattern());
    }

    private static void find(ContentFilter filter, int order, Clocked input, List<Match> into) {
        Matcher m = compile(filter).matcher(input);
        String text = input.text;
        if (filter.builtin() == null) {
            while (m.find()) {
                if (m.end() > m.start()) {
                    into.add(new Match(filter, order, m.start(), m.end()));
                }
            }
            return;
        }
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            int group = 1;
            while (group < m.groupCount() && m.start(group) < 0) {
                group++;
            }
            int start = m.start(group);
            int end = m.end(group);
            if (end > start && accepts(filter, text.substring(start, end))) {
                into.add(new Match(filter, order, start, end));
            }
            from = Math.max(end, start + 1);
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

    /**
     * The text as the engine reads it, looking at the clock every {@link #READS_PER_LOOK} reads: RE2/J
     * cannot be interrupted, but it reads through here, so a scan past its time stops within a few
     * thousand characters.
     */
    private static final class Clocked implements CharSequence {

        private final String text;
        private final LongSupplier nanoTime;
        private final long deadline;
        private int reads;

        Clocked(String text, LongSupplier nanoTime, long deadline) {
            this.text = text;
            this.nanoTime = nanoTime;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if (++reads == READS_PER_LOOK) {
                reads = 0;
                if (nanoTime.getAsLong() - deadline > 0) {
                    throw new OutOfTime();
                }
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }

        static final class OutOfTime extends RuntimeException {
            OutOfTime() {
                super(null, null, false, false);
            }
        }
    }
}
