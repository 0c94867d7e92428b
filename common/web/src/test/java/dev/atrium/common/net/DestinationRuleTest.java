package dev.atrium.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class DestinationRuleTest {

    private final DestinationRule strict = DestinationRule.of(false, List.of());

    @Test
    void acceptsHttpsToPublicHostsAndAddresses() {
        assertThat(strict.refuseUrl("https://hooks.example.com/t")).isEmpty();
        assertThat(strict.refuseUrl("https://8.8.8.8/v1/traces")).isEmpty();
        assertThat(strict.refuseUrl("https://[2606:4700:4700::1111]/x")).isEmpty();
    }

    @Test
    void refusesPlainHttpUnlessAllowed() {
        assertThat(strict.refuseUrl("http://hooks.example.com/t")).contains("must be an https URL");
        assertThat(DestinationRule.of(true, List.of()).refuseUrl("http://hooks.example.com/t")).isEmpty();
        assertThat(strict.refuseUrl("ftp://hooks.example.com/t")).isPresent();
        assertThat(strict.refuseUrl("https://user:pw@hooks.example.com/t")).isPresent();
        assertThat(strict.refuseUrl("not a url")).isPresent();
    }

    @Test
    void refusesIpv4LiteralsInRestrictedRanges() {
        assertThat(strict.refuseUrl("https://127.0.0.1:9081/x")).hasValueSatisfying(m -> assertThat(m).contains("loopback"));
        assertThat(strict.refuseUrl("https://169.254.169.254/latest/meta-data/"))
                .hasValueSatisfying(m -> assertThat(m).contains("metadata"));
        for (String ip : List.of("10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1",
                "100.100.100.200", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "192.0.0.192")) {
            assertThat(strict.refuseUrl("https://" + ip + "/")).as(ip).isPresent();
        }
        for (String ip : List.of("172.32.0.1", "100.128.0.1", "11.0.0.1", "192.169.0.1", "1.1.1.1")) {
            assertThat(strict.refuseUrl("https://" + ip + "/")).as(ip).isEmpty();
        }
    }

    @Test
    void refusesNumericTricksThatResolversReadAsIpv4() {
        for (String host : List.of("2130706433", "0x7f000001", "0x7f.0.0.1", "0177.0.0.1", "127.1", "127.0.1",
                "017700000001", "0x7f.0x0.0x0.0x1", "169.254.43518")) {
            assertThat(strict.refuseUrl("https://" + host + "/")).as(host).isPresent();
        }
    }

    @Test
    void refusesIpv6LiteralsInRestrictedRanges() {
        for (String ip : List.of("::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1", "fec0::1",
                "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:169.254.169.254", "::127.0.0.1",
                "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "0:0:0:0:0:ffff:10.0.0.1")) {
            assertThat(strict.refuseUrl("https://[" + ip + "]/")).as(ip).isPresent();
        }
        assertThat(strict.refuseUrl("https://[::ffff:8.8.8.8]/")).isEmpty();
    }

    @Test
    void refusesResolvedAddressesInRestrictedRanges() throws Exception {
        assertThat(strict.refuseAddress("evil.example", InetAddress.getByName("169.254.169.254")))
                .hasValueSatisfying(m -> assertThat(m).contains("evil.example").contains("169.254.169.254"));
        assertThat(strict.refuseAddress("evil.example", InetAddress.getByName("::1"))).isPresent();
        assertThat(strict.refuseAddress("good.example", InetAddress.getByName("93.184.216.34"))).isEmpty();
    }

    @Test
    void allowsWhatThePlatformLists() throws Exception {
        DestinationRule local = DestinationRule.of(true, List.of("127.0.0.0/8", "::1", "receiver.internal"));
        assertThat(local.refuseUrl("http://127.0.0.1:4318/v1/traces")).isEmpty();
        assertThat(local.refuseUrl("http://[::1]:4318/")).isEmpty();
        assertThat(local.refuseUrl("http://[::ffff:127.0.0.1]:4318/")).isEmpty();
        assertThat(local.refuseUrl("http://169.254.169.254/")).isPresent();
        assertThat(local.refuseUrl("http://10.0.0.1/")).isPresent();
        assertThat(local.refuseAddress("receiver.internal", InetAddress.getByName("10.0.0.7"))).isEmpty();
        assertThat(local.refuseAddress("RECEIVER.internal", InetAddress.getByName("10.0.0.7"))).isEmpty();
        assertThat(local.refuseAddress("other.internal", InetAddress.getByName("10.0.0.7"))).isPresent();
        assertThat(DestinationRule.of(false, List.of("10.0.0.0/30")).refuseAddress("x", InetAddress.getByName("10.0.0.4")))
                .isPresent();
    }

    @Test
    void refusesHeadersThatWouldSplitOrBreakARequest() {
        assertThat(DestinationRule.refuseHeader("Authorization", "Bearer abc")).isEmpty();
        assertThat(DestinationRule.refuseHeader("X-Hook\r\nEvil", "v")).isPresent();
        assertThat(DestinationRule.refuseHeader("X Hook", "v")).isPresent();
        assertThat(DestinationRule.refuseHeader("", "v")).isPresent();
        assertThat(DestinationRule.refuseHeader("X-Hook", "a\r\nHost: evil")).isPresent();
        assertThat(DestinationRule.refuseHeader("X-Hook", "a\nb")).isPresent();
        assertThat(DestinationRule.refuseHeader("X-Hook", "a\u0000b")).isPresent();
        assertThat(DestinationRule.refuseHeader("X-Hook", "x".repeat(4097))).isPresent();
        assertThat(DestinationRule.refuseHeader("X-Hook", "x".repeat(4096))).isEmpty();
    }
}
