package dev.atrium.common.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which outbound destinations a tenant may make Atrium call (observability webhooks and collectors):
 * the one rule that workspace-service applies when a destination is saved and the gateway applies
 * again before each delivery, because a name may resolve elsewhere later. Pure Java, no DNS of its
 * own: callers resolve and pass the addresses. Refused unless the platform allows them: plain
 * {@code http}, and addresses in loopback, link-local (cloud metadata), private, unique-local,
 * CGNAT, multicast, unspecified or reserved ranges. Allowed entries are CIDRs, addresses or host names.
 */
public final class DestinationRule {

    public static final int MAX_HEADER_VALUE = 4096;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]{1,256}");
    /** Labels that are all numbers: something a C resolver would read as an IPv4 address. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}\\.?");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    private final boolean allowHttp;
    private final List<Cidr> allowedRanges;
    private final Set<String> allowedHosts;

    private DestinationRule(boolean allowHttp, List<Cidr> allowedRanges, Set<String> allowedHosts) {
        this.allowHttp = allowHttp;
        this.allowedRanges = allowedRanges;
        this.allowedHosts = allowedHosts;
    }

    /** {@code allowed}: entries like {@code 127.0.0.1/32}, {@code ::1}, {@code receiver.internal}. */
    public static DestinationRule of(boolean allowHttp, Collection<String> allowed) {
        List<Cidr> ranges = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (String entry : allowed == null ? List.<String>of() : allowed) {
            String e = entry == null ? "" : entry.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            Optional<Cidr> cidr = Cidr.parse(e);
            if (cidr.isPresent()) {
                ranges.add(cidr.get());
            } else {
                hosts.add(e);
            }
        }
        return new DestinationRule(allowHttp, List.copyOf(ranges), Set.copyOf(hosts));
    }

    /** Scheme and host form, without DNS: the reason the URL is refused, or empty. */
    public Optional<String> refuseUrl(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url);
        } catch (Exception e) {
            return Optional.of("must be an https URL");
        }
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
            return Optional.of("must be an https URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp)) {
            return Optional.of(allowHttp ? "must be an http(s) URL" : "must be an https URL");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not hold credentials (send them as a header)");
        }
        String host = host(uri);
        if (allowedHosts.contains(host)) {
            return Optional.empty();
        }
        if (NUMERIC_HOST.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
            // 2130706433, 0x7f.1, 0177.0.0.1: resolvers disagree on what they mean; nobody needs them.
            return Optional.of("host " + host + " must be a name or an IPv4 address of four decimal parts");
        }
        Optional<InetAddress> literal = literal(host);
        return literal.flatMap(a -> refuseAddress(host, a));
    }

    /** Whether the host may be reached at {@code address} (one of the addresses it resolved to). */
    public Optional<String> refuseAddress(String host, InetAddress address) {
        if (host != null && allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Optional<String> range = restrictedRange(address);
        if (range.isEmpty() || allowedRanges.stream().anyMatch(c -> c.contains(address))) {
            return Optional.empty();
        }
        return Optional.of("host " + host + " is a " + range.get() + " address (" + address.getHostAddress()
                + "), which destinations may not use");
    }

    /** The URL's host, lower case, without IPv6 brackets or a trailing dot. */
    public static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** An IP literal (dotted quad or IPv6) as an address, without DNS; empty for a name. */
    public static Optional<InetAddress> literal(String host) {
        if (!DOTTED_QUAD.matcher(host).matches() && !host.contains(":")) {
            return Optional.empty();
        }
        try {
            // A literal never reaches DNS: getByName parses it.
            return Optional.of(InetAddress.getByName(host.contains(":") ? "[" + host + "]" : host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The name of the restricted range the address is in, or empty for a public address. */
    public static Optional<String> restrictedRange(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return v4(b);
        }
        if (address instanceof Inet6Address) {
            return v6(b);
        }
        return Optional.of("unknown");
    }

    private static Optional<String> v4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0) {
            return Optional.of("unspecified");
        }
        if (a0 == 127) {
            return Optional.of("loopback");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("link-local (metadata)");
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return Optional.of("private");
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Optional.of("shared (CGNAT)");
        }
        if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
            return Optional.of("reserved");
        }
        if (a0 == 198 && (a1 & 0xfe) == 18) {
            return Optional.of("reserved");
        }
        if (a0 >= 224 && a0 < 240) {
            return Optional.of("multicast");
        }
        if (a0 >= 240) {
            return Optional.of("reserved");
        }
        return Optional.empty();
    }

    private static Optional<String> v6(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        if (firstTenZero && b[10] == 0 && b[11] == 0) {
            // ::, ::1 and IPv4-compatible ::a.b.c.d
            boolean rest = b[12] == 0 && b[13] == 0 && b[14] == 0;
            if (rest && b[15] == 0) {
                return Optional.of("unspecified");
            }
            if (rest && b[15] == 1) {
                return Optional.of("loopback");
            }
            return embedded(b, 12);
        }
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded(b, 12); // IPv4-mapped ::ffff:a.b.c.d
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return embedded(b, 12); // NAT64 64:ff9b::a.b.c.d
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return embedded(b, 2); // 6to4 2002:AABB:CCDD::
        }
        if (b0 == 0xff) {
            return Optional.of("multicast");
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return Optional.of("link-local");
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return Optional.of("site-local");
        }
        if ((b0 & 0xfe) == 0xfc) {
            return Optional.of("unique-local (private)");
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(byte[] b, int from) {
        return v4(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]});
    }

    /** The reason a header is refused, or empty: an RFC 7230 token name; a value without CR, LF or NUL. */
    public static Optional<String> refuseHeader(String name, String value) {
        if (name == null || !TOKEN.matcher(name).matches()) {
            return Optional.of("header name must be an HTTP token (letters, digits, !#$%&'*+-.^_`|~)");
        }
        if (value == null) {
            return Optional.of("header " + name + " needs a value");
        }
        if (value.length() > MAX_HEADER_VALUE) {
            return Optional.of("header " + name + " must be at most " + MAX_HEADER_VALUE + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || (c < 0x20 && c != '\t') || c == 0x7f) {
                return Optional.of("header " + name + " must not hold control characters (CR, LF, NUL)");
            }
        }
        return Optional.empty();
    }

    private record Cidr(byte[] network, int prefix) {

        static Optional<Cidr> parse(String entry) {
            int slash = entry.indexOf('/');
            String ip = slash < 0 ? entry : entry.substring(0, slash);
            Optional<InetAddress> address = literal(ip);
            if (address.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = address.get().getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("Bad CIDR in allowed destinations: " + entry);
            }
            return Optional.of(new Cidr(bytes, prefix));
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
