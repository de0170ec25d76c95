package dev.ferry.network;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyPairPlanTest {

    private static final String PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHb7zXrJcZ3eYFsU media@example";
    private static final TargetKeyPair EXISTING = new TargetKeyPair("media", "key-0abc", "aa:bb");

    @Test
    void anExistingKeyPairIsReusedEvenWhenAPublicKeyIsGiven() {
        assertThat(KeyPairPlan.decide("media", Optional.of(EXISTING), PUBLIC_KEY))
                .isEqualTo(new KeyPairPlan.Decision.Reuse(EXISTING));
    }

    @Test
    void aMissingKeyPairIsImportedFromThePublicKey() {
        assertThat(KeyPairPlan.decide("media", Optional.empty(), "  " + PUBLIC_KEY + "\n"))
                .isEqualTo(new KeyPairPlan.Decision.Import("media", PUBLIC_KEY));
    }

    @Test
    void anRfc4716PublicKeyIsImportedToo() {
        String rfc4716 = "---- BEGIN SSH2 PUBLIC KEY ----\nAAAAB3NzaC1yc2E\n---- END SSH2 PUBLIC KEY ----";

        assertThat(KeyPairPlan.decide("media", Optional.empty(), rfc4716)).isInstanceOf(KeyPairPlan.Decision.Import.class);
    }

    @Test
    void aMissingKeyPairWithoutAPublicKeyFailsNamingIt() {
        assertThatThrownBy(() -> KeyPairPlan.decide("media", Optional.empty(), null))
                .isInstanceOf(MissingKeyPairException.class)
                .hasMessageContaining("media");
        assertThatThrownBy(() -> KeyPairPlan.decide("media", Optional.empty(), " "))
                .isInstanceOf(MissingKeyPairException.class);
    }

    @Test
    void aPrivateKeyIsRefusedWithoutRepeatingIt() {
        String privateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----";

        assertThatThrownBy(() -> KeyPairPlan.decide("media", Optional.empty(), privateKey))
                .isInstanceOf(InvalidPublicKeyException.class)
                .hasMessageContaining("PRIVATE key")
                .hasMessageNotContaining("b3BlbnNzaC1rZXktdjEAAAAA");
    }

    @Test
    void somethingThatIsNoPublicKeyIsRefused() {
        assertThatThrownBy(() -> KeyPairPlan.decide("media", Optional.empty(), "ecdsa-sha2-nistp256 AAAAE2Vj"))
                .isInstanceOf(InvalidPublicKeyException.class)
                .hasMessageContaining("ssh-rsa");
    }
}
