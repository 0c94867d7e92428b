package dev.atrium.guardrail.domain.content;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
     * {@code time} on the clock (the checking thread's CPU time by default), so they never use more CPU than
     * that.
     */
    public record Bounds(int maxChars, Duration time) {

        /** 1 Mi characters; 2 s of CPU, well inside the gateway's 5 s for a call to guardrail. */
        public static final Bounds DEFAULT = new Bounds(1 << 20, Duration.ofSeconds(2));

        public Bounds {
            if (maxChars < 1 || time.isNegative() || time.isZero()) {
                throw new IllegalArgumentException("A scan needs room for a character and some time");
            }
        }
    }

    private static final LongSupplier THREAD_CPU = threadCpu();

    /** Characters read between two looks at the clock. */
    private static final int READS_PER_LOOK = 1 << 14;

    private static final Map<Builtin, Pattern> BUILTINS = new EnumMap<>(Builtin.class);

    /** Custom patterns compiled so far; RE2/J patterns are safe to share between threads. */
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();
    private static final int MAX_COMPILED = 10_000;

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
        // Credentials with a published, recognisable shape: AWS access key ids, GitHub tokens (classic and
        // fine-grained), Slack tokens, Google API keys and the sk- keys of OpenAI, Anthropic, OpenRouter and
        // Atrium itself; and PEM private key blocks, whole when their END line follows. A secret of no known
        // shape (a bare password) is not found: that would need guessing at entropy.
        BUILTINS.put(Builtin.SECRETS, Pattern.compile("(?:^|[^\\w-])("
                + "(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}"
                + "|gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255}"
                + "|xox[abposr]-[A-Za-z0-9-]{10,250}|AIza[0-9A-Za-z_-]{35}"
                + "|sk-[A-Za-z0-9_-]{20,500}"
                + ")(?:$|[^\\w-])"
                + "|(-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----(?s:.*?-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----)?)"));
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

    /**
     * Scans within the default bounds, timed by the CPU the checking thread spends (where the JVM measures it,
     * else the wall clock): a loaded machine stretches the wall clock many times over (the CPU-starved thread
     * waits), which must not refuse a check that did little work.
     */
    public static ScanResult scan(List<ContentFilter> filters, String text) {
        return scan(filters, text, Bounds.DEFAULT, THREAD_CPU);
    }

    public static ScanResult scan(List<ContentFilter> filters, String text, Bounds bounds, LongSupplier nanoTime) {
        if (text == null || text.isEmpty() || filters.isEmpty()) {
            return ScanResult.clean(text);
        }
        if (text.length() > bounds.maxChars()) {
            return ScanResult.unfinished(filters.get(0), "cannot scan its " + text.length()
                    + " characters: the content filters scan at most " + bounds.maxChars());
        }
        for (ContentFilter f : filters) {
            if (f.unrunnable() != null) {
                return ScanResult.unfinished(f, "cannot run its pattern, stored before content filters took RE2 "
                        + "syntax; an administrator must save it again");
            }
        }
        Runs runs = new Runs(new Clocked(text, nanoTime, nanoTime.getAsLong() + bounds.time().toNanos()));
        ContentFilter running = null;
        try {
            // A block match refuses the text whatever else matched, so the block filters go first and each only
            // as far as its leftmost match; the earliest match wins, then the earlier filter.
            ContentFilter blockedBy = null;
            int blockedAt = Integer.MAX_VALUE;
            for (ContentFilter f : filters) {
                if (f.action() == FilterAction.BLOCK) {
                    running = f;
                    int at = runs.first(f);
                    if (at >= 0 && at < blockedAt) {
                        blockedAt = at;
                        blockedBy = f;
                    }
                }
            }
            if (blockedBy != null) {
                return ScanResult.blocked(blockedBy);
            }
            List<Match> flagged = new ArrayList<>();
            List<Match> redact = new ArrayList<>();
            for (int i = 0; i < filters.size(); i++) {
                ContentFilter f = running = filters.get(i);
                if (f.action() == FilterAction.FLAG) {
                    int at = runs.first(f);
                    if (at >= 0) {
                        flagged.add(new Match(f, i, at, at));
                    }
                } else if (f.action() == FilterAction.REDACT) {
                    for (int[] m : runs.all(f)) {
                        redact.add(new Match(f, i, m[0], m[1]));
                    }
                }
            }
            flagged.sort(Comparator.comparingInt(Match::start).thenComparingInt(Match::order));
            LinkedHashSet<String> flags = new LinkedHashSet<>();
            flagged.forEach(m -> flags.add(m.filter().name()));
            return redacted(text, withoutOverlaps(redact), List.copyOf(flags));
        } catch (Clocked.OutOfTime e) {
            return ScanResult.unfinished(running, "could not finish scanning its " + text.length()
                    + " characters within " + bounds.time().toMillis() + " ms");
        }
    }

    private static ScanResult redacted(String text, List<Match> kept, List<String> flags) {
        List<Redaction> redactions = new ArrayList<>(kept.size());
        StringBuilder redacted = new StringBuilder(text.length());
        int at = 0;
        for (Match m : kept) {
            String replacement = "[REDACTED:" + m.filter().name() + "]";
            redactions.add(new Redaction(m.filter().name(), m.start(), m.end(), text.substring(m.start(), m.end()),
                    replacement));
            redacted.append(text, at, m.start()).append(replacement);
            at = m.end();
        }
        redacted.append(text, at, text.length());
        return new ScanResult(null, redacted.toString(), List.copyOf(redactions), flags, null);
    }

    private static LongSupplier threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()) {
            return threads::getCurrentThreadCpuTime;
        }
        return System::nanoTime;
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

    /**
     * The pattern a filter runs: its builtin's, or its own compiled on RE2/J (checked when it was written),
     * compiled once per pattern, not per request.
     */
    static Pattern compile(ContentFilter filter) {
        return filter.builtin() != null ? BUILTINS.get(filter.builtin()) : compile(filter.pattern());
    }

    /** {@code pattern} compiled on RE2/J, from the cache when it was compiled before. */
    static Pattern compile(String pattern) {
        Pattern compiled = COMPILED.get(pattern);
        if (compiled == null) {
            compiled = Pattern.compile(pattern);
            if (COMPILED.size() >= MAX_COMPILED) {
                // Bounded: stored patterns are compiled again after a clear, which is rare and cheap.
                COMPILED.clear();
            }
            COMPILED.put(pattern, compiled);
        }
        return compiled;
    }

    /**
     * The runs of one scan's patterns over its text, each pattern run at most once however many filters
     * hold it (filters differ by action or label): a filter's leftmost match for block and flag, every match
     * for redact.
     */
    private static final class Runs {

        private final Clocked input;
        private final Map<Object, Integer> firsts = new HashMap<>();
        private final Map<Object, List<int[]>> alls = new HashMap<>();

        Runs(Clocked input) {
            this.input = input;
        }

        /** Where the filter's leftmost (non-empty, accepted) match starts, or -1. */
        int first(ContentFilter filter) {
            Object key = key(filter);
            List<int[]> all = alls.get(key);
            if (all != null) {
                return all.isEmpty() ? -1 : all.get(0)[0];
            }
            Integer first = firsts.get(key);
            if (first == null) {
                List<int[]> found = new ArrayList<>(1);
                find(filter, input, found, true);
                first = found.isEmpty() ? -1 : found.get(0)[0];
                firsts.put(key, first);
            }
            return first;
        }

        List<int[]> all(ContentFilter filter) {
            return alls.computeIfAbsent(key(filter), k -> {
                List<int[]> found = new ArrayList<>();
                find(filter, input, found, false);
                return found;
            });
        }

        private static Object key(ContentFilter filter) {
            return filter.builtin() != null ? filter.builtin() : filter.pattern();
        }
    }

    /** Adds the filter's matches as {start, end}, in order; only the first when {@code firstOnly}. */
    private static void find(ContentFilter filter, Clocked input, List<int[]> into, boolean firstOnly) {
        Matcher m = compile(filter).matcher(input);
        String text = input.text;
        if (filter.builtin() == null) {
            while (m.find()) {
                if (m.end() > m.start()) {
                    into.add(new int[] {m.start(), m.end()});
                    if (firstOnly) {
                        return;
                    }
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
                into.add(new int[] {start, end});
                if (firstOnly) {
                    return;
                }
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

    /**
     * The redactions to make, in order: of overlapping matches the longer wins, then the earlier filter, then
     * the earlier match. Kept matches never overlap, so the one starting at or before a candidate and the one
     * starting after it are the only ones it can overlap: n log n however many matches (a one-character pattern
     * on a mebibyte has a million).
     */
    private static List<Match> withoutOverlaps(List<Match> matches) {
        List<Match> byStrength = new ArrayList<>(matches);
        byStrength.sort(Comparator.comparingInt((Match m) -> m.start() - m.end()).thenComparingInt(Match::order)
                .thenComparingInt(Match::start));
        TreeMap<Integer, Match> kept = new TreeMap<>();
        for (Match m : byStrength) {
            Map.Entry<Integer, Match> before = kept.floorEntry(m.start());
            Map.Entry<Integer, Match> after = kept.ceilingEntry(m.start());
            if ((before == null || before.getValue().end() <= m.start())
                    && (after == null || after.getKey() >= m.end())) {
                kept.put(m.start(), m);
            }
        }
        return new ArrayList<>(kept.values());
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
