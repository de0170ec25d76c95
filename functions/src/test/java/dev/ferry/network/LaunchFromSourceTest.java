package dev.ferry.network;

import dev.ferry.wave.LaunchSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaunchFromSourceTest {

    private static final SourceInstance SOURCE = new SourceInstance("i-0source", "t2.micro", "subnet-src",
            "us-east-1b", "vpc-src", List.of("sg-web", "sg-ssh"), null, Platform.LINUX, "media", Map.of());
    private static final Map<String, String> SUBNETS = Map.of("us-east-1a", "subnet-a", "us-east-1b", "subnet-b");
    private static final Map<String, String> COPIES = Map.of("sg-web", "sg-web-copy", "sg-ssh", "sg-ssh-copy");

    @Test
    void aWaveThatGivesNothingGetsTheSourcesTypeTheMappedSubnetAndTheGroupCopies() {
        LaunchSettings derived = LaunchFromSource.derive(SOURCE, null, SUBNETS, COPIES);

        assertThat(derived.instanceType()).isEqualTo("t2.micro");
        assertThat(derived.subnetId()).isEqualTo("subnet-b");
        assertThat(derived.securityGroupIds()).containsExactly("sg-web-copy", "sg-ssh-copy");
    }

    @Test
    void whatTheWaveGivesWins() {
        LaunchSettings given = new LaunchSettings("t3.large", null, "subnet-chosen", List.of("sg-chosen"), "ops",
                true, null, null, Map.of("team", "media"), "STARTED");

        LaunchSettings derived = LaunchFromSource.derive(SOURCE, given, Map.of(), Map.of());

        assertThat(derived).isEqualTo(given);
    }

    @Test
    void onlyTheMissingSettingsAreDerived() {
        LaunchSettings given = new LaunchSettings("t3.large", null, null, null, "ops", true, null, null, null, null);

        LaunchSettings derived = LaunchFromSource.derive(SOURCE, given, SUBNETS, COPIES);

        assertThat(derived).isEqualTo(new LaunchSettings("t3.large", null, "subnet-b",
                List.of("sg-web-copy", "sg-ssh-copy"), "ops", true, null, null, null, null));
    }

    @Test
    void anAvailabilityZoneWithoutASubnetInTheMapFailsNamingTheInstanceAndZone() {
        assertThatThrownBy(() -> LaunchFromSource.derive(SOURCE, null, Map.of("us-east-1a", "subnet-a"), COPIES))
                .isInstanceOf(LaunchDerivationException.class)
                .hasMessageContaining("i-0source")
                .hasMessageContaining("us-east-1b");
    }

    @Test
    void aSourceGroupWithoutACopyFailsNamingTheGroup() {
        assertThatThrownBy(() -> LaunchFromSource.derive(SOURCE, null, SUBNETS, Map.of("sg-web", "sg-web-copy")))
                .isInstanceOf(LaunchDerivationException.class)
                .hasMessageContaining("sg-ssh");
    }
}
