package dev.ferry.network;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityGroupRuleTest {

    private static final RulePeer OFFICE = new RulePeer.Ipv4Range("10.0.0.0/8");

    @ParameterizedTest
    @CsvSource({"6,tcp", "TCP,tcp", "17,udp", "1,icmp", "58,icmpv6", "all,-1", "-1,-1", "50,50"})
    void protocolNumbersAndNamesAreReadAlike(String given, String normal) {
        assertThat(new SecurityGroupRule(given, 1, 1, OFFICE, null).protocol()).isEqualTo(normal);
    }

    @Test
    void allTrafficCarriesNoPorts() {
        SecurityGroupRule rule = new SecurityGroupRule("-1", -1, -1, OFFICE, null);

        assertThat(rule.fromPort()).isNull();
        assertThat(rule.toPort()).isNull();
    }

    @Test
    void rulesThatDifferOnlyInDescriptionAllowTheSameTraffic() {
        SecurityGroupRule described = new SecurityGroupRule("tcp", 22, 22, OFFICE, "ssh");

        assertThat(described.allowsSameAs(new SecurityGroupRule("6", 22, 22, OFFICE, null))).isTrue();
        assertThat(described.allowsSameAs(new SecurityGroupRule("tcp", 23, 23, OFFICE, "ssh"))).isFalse();
    }

    @Test
    void aBlankDescriptionIsNoDescription() {
        assertThat(new SecurityGroupRule("tcp", 22, 22, OFFICE, " ").description()).isNull();
    }

    @Test
    void allTrafficToAnywhereIsRecognisedOverIpv4AndIpv6Only() {
        assertThat(SecurityGroupRule.allTraffic(new RulePeer.Ipv4Range("0.0.0.0/0")).isAllTrafficToAnywhere()).isTrue();
        assertThat(SecurityGroupRule.allTraffic(new RulePeer.Ipv6Range("::/0")).isAllTrafficToAnywhere()).isTrue();
        assertThat(SecurityGroupRule.allTraffic(OFFICE).isAllTrafficToAnywhere()).isFalse();
        assertThat(new SecurityGroupRule("tcp", 0, 65535, new RulePeer.Ipv4Range("0.0.0.0/0"), null)
                .isAllTrafficToAnywhere()).isFalse();
    }

    @Test
    void aRuleReadsAsTrafficDirectionAndPeer() {
        assertThat(new SecurityGroupRule("tcp", 8000, 8100, OFFICE, null).text(RuleDirection.INGRESS))
                .isEqualTo("tcp 8000-8100 from 10.0.0.0/8");
        assertThat(SecurityGroupRule.allTraffic(new RulePeer.GroupReference("sg-1")).text(RuleDirection.EGRESS))
                .isEqualTo("all traffic to sg-1");
    }
}
