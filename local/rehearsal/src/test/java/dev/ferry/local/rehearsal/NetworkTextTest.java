package dev.ferry.local.rehearsal;

import dev.ferry.server.NetworkSetup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkTextTest {

    @Test
    void anImportedKeyPairAndGroupsCreatedAndReusedAreCountedApart() {
        NetworkSetup network = new NetworkSetup("media-eu-central-1", true,
                Map.of("sg-0aaa", "sg-0bbb", "sg-0ccc", "sg-0ddd", "sg-0eee", "sg-0fff"),
                List.of("sg-0aaa", "sg-0ccc"), List.of(), List.of());

        assertThat(NetworkText.of(network))
                .isEqualTo("key pair media-eu-central-1 imported, 2 security groups created, 1 reused");
    }

    @Test
    void groupsThatWereAllReusedAreCountedWithTheirName() {
        NetworkSetup network = new NetworkSetup("media-eu-central-1", false, Map.of("sg-0aaa", "sg-0bbb"),
                List.of(), List.of(), List.of());

        assertThat(NetworkText.of(network)).isEqualTo("key pair media-eu-central-1 reused, 1 security group reused");
    }

    @Test
    void rulesNotCopiedAndDifferencesOnReusedCopiesAreCounted() {
        NetworkSetup network = new NetworkSetup(null, false, Map.of("sg-0aaa", "sg-0bbb"), List.of(),
                List.of("sg-0bbb lacks ingress tcp 8080", "sg-0bbb has ingress tcp 22"),
                List.of("sg-0aaa ingress from pl-0123: prefix list not in the target region"));

        assertThat(NetworkText.of(network))
                .isEqualTo("1 security group reused, 1 rule not copied, 2 differences on reused copies");
    }

    @Test
    void aSetUpWithNeitherKeyPairNorGroupsSaysSo() {
        assertThat(NetworkText.of(new NetworkSetup(null, false, Map.of(), List.of(), List.of(), List.of())))
                .isEqualTo("nothing to set up");
    }
}
