package dev.ferry.network;

import dev.ferry.testing.MotoServer;
import dev.ferry.testing.PublicKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Integration test: {@link KeyPairs} over {@link SdkTargetNetwork} against a real moto server
 * (EC2 emulator). Skipped when moto_server is not installed (see {@link MotoServer}).
 */
class KeyPairsMotoIntegrationTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static Ec2Client ec2;
    static KeyPairs keyPairs;

    @BeforeAll
    static void connect() {
        ec2 = MOTO.client(Ec2Client.builder());
        keyPairs = new KeyPairs(new SdkTargetNetwork(ec2));
    }

    @AfterAll
    static void disconnect() {
        ec2.close();
    }

    @Test
    void aMissingKeyPairIsImportedFromThePublicKeyAndTaggedWithTheWave() {
        String name = "media-" + UUID.randomUUID();

        KeyPairs.EnsuredKeyPair ensured = keyPairs.ensure("w-1", name, PublicKeys.newRsa("media@example"));

        assertThat(ensured.imported()).isTrue();
        assertThat(ensured.keyPair().keyName()).isEqualTo(name);
        KeyPairInfo stored = ec2.describeKeyPairs(request -> request.keyNames(name)).keyPairs().getFirst();
        assertThat(stored.keyPairId()).isEqualTo(ensured.keyPair().keyPairId());
        assertThat(stored.keyFingerprint()).isNotBlank().isEqualTo(ensured.keyPair().fingerprint());
        assertThat(stored.tags()).anySatisfy(tag -> {
            assertThat(tag.key()).isEqualTo(FerryTags.WAVE);
            assertThat(tag.value()).isEqualTo("w-1");
        });
    }

    @Test
    void anExistingKeyPairIsReusedWithoutAPublicKey() {
        String name = "media-" + UUID.randomUUID();
        KeyPairs.EnsuredKeyPair first = keyPairs.ensure("w-1", name, PublicKeys.newRsa("media@example"));

        KeyPairs.EnsuredKeyPair second = keyPairs.ensure("w-2", name, null);

        assertThat(second.imported()).isFalse();
        assertThat(second.keyPair()).isEqualTo(first.keyPair());
        assertThat(ec2.describeKeyPairs(request -> request.filters(filter -> filter.name("key-name").values(name)))
                .keyPairs()).hasSize(1);
    }

    @Test
    void importingAgainUnderATakenNameReturnsTheKeyPairAlreadyThere() {
        String name = "media-" + UUID.randomUUID();
        SdkTargetNetwork target = new SdkTargetNetwork(ec2);
        TargetKeyPair first = target.importKeyPair(name, PublicKeys.newRsa("first"), Map.of());

        TargetKeyPair again = target.importKeyPair(name, PublicKeys.newRsa("second"), Map.of());

        assertThat(again).isEqualTo(first);
    }

    @Test
    void aMissingKeyPairWithoutAPublicKeyFailsNamingTheKeyPair() {
        String name = "media-" + UUID.randomUUID();

        assertThatThrownBy(() -> keyPairs.ensure("w-1", name, null))
                .isInstanceOf(MissingKeyPairException.class)
                .hasMessageContaining(name);
        assertThat(ec2.describeKeyPairs(request -> request.filters(filter -> filter.name("key-name").values(name)))
                .keyPairs()).isEmpty();
    }
}
