package dev.ferry.local.cloud.ec2;

import dev.ferry.local.cloud.iam.IamResources;
import dev.ferry.network.FerryTags;
import dev.ferry.network.KeyPairs;
import dev.ferry.network.MissingKeyPairException;
import dev.ferry.network.SdkTargetNetwork;
import dev.ferry.network.TargetKeyPair;
import dev.ferry.testing.PublicKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.ferry.local.cloud.ec2.SecurityGroupSimulationTest.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulated EC2's key pairs, driven by the controller's {@link KeyPairs} over {@link SdkTargetNetwork}. */
class KeyPairSimulationTest {

    /** A real ED25519 public key (its private half was never kept). */
    static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHxvqkP1m4iE5yV0DdAGwm7tWqS2rF0pKk9u6s8XbJfQ ops@example.com";

    private final SimulatedAccount account = SimulatedAccount.with(new Ec2Resources(RegionResources.NONE,
            new RegionResources(List.of(), List.of(), List.of(), List.of(new KeyPairSpec("existing", ED25519)))),
            IamResources.NONE);
    private final KeyPairs keyPairs = new KeyPairs(new SdkTargetNetwork(account.targetEc2()));

    @AfterEach
    void close() {
        account.close();
    }

    @Test
    void aMissingKeyPairIsImportedTaggedWithTheWaveAndFingerprintedAsEc2DoesForRsa() throws Exception {
        String publicKey = PublicKeys.newRsa("media@example");

        KeyPairs.EnsuredKeyPair ensured = keyPairs.ensure("w-1", "media", publicKey);

        KeyPairInfo stored = account.targetEc2().describeKeyPairs(request -> request.keyNames("media")).keyPairs().getFirst();
        byte[] blob = Base64.getDecoder().decode(publicKey.split(" ")[1]);
        String md5 = HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("MD5").digest(blob));
        assertThat(ensured.imported()).isTrue();
        assertThat(stored.keyPairId()).isEqualTo(ensured.keyPair().keyPairId()).startsWith("key-");
        assertThat(stored.keyFingerprint()).isEqualTo(md5).isEqualTo(ensured.keyPair().fingerprint());
        assertThat(stored.keyTypeAsString()).isEqualTo("rsa");
        assertThat(stored.tags().stream().collect(Collectors.toMap(tag -> tag.key(), tag -> tag.value())))
                .containsExactly(Map.entry(FerryTags.WAVE, "w-1"));
    }

    @Test
    void anEd25519KeyIsFingerprintedWithTheBase64OfItsSha256() throws Exception {
        byte[] blob = Base64.getDecoder().decode(ED25519.split(" ")[1]);

        KeyPairInfo existing = account.targetEc2().describeKeyPairs(request -> request.keyNames("existing")).keyPairs().getFirst();

        assertThat(existing.keyFingerprint())
                .isEqualTo(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(blob)));
        assertThat(existing.keyTypeAsString()).isEqualTo("ed25519");
    }

    @Test
    void aKeyPairOfTheEnvironmentIsReusedWithoutAPublicKey() {
        KeyPairs.EnsuredKeyPair ensured = keyPairs.ensure("w-1", "existing", null);

        assertThat(ensured.imported()).isFalse();
        assertThat(ensured.keyPair().keyName()).isEqualTo("existing");
    }

    @Test
    void importingUnderATakenNameReturnsTheKeyPairAlreadyThere() {
        SdkTargetNetwork target = new SdkTargetNetwork(account.targetEc2());
        TargetKeyPair first = target.importKeyPair("media", PublicKeys.newRsa("first"), Map.of());

        TargetKeyPair again = target.importKeyPair("media", PublicKeys.newRsa("second"), Map.of());

        assertThat(again).isEqualTo(first);
    }

    @Test
    void importingUnderATakenNameIsRefusedAsADuplicate() {
        assertThatThrownBy(() -> account.targetEc2().importKeyPair(request -> request.keyName("existing")
                .publicKeyMaterial(SdkBytes.fromUtf8String(ED25519))))
                .satisfies(error -> assertThat(code(error)).isEqualTo("InvalidKeyPair.Duplicate"));
    }

    @Test
    void aKeyEc2CannotReadIsRefusedAsBadlyFormatted() {
        String ecdsa = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEmKSENjQEezOmxkZMy7opKgwFB9nkt5YRrYMjNuG5N87uRgg6CLrbo5wAdT/y6v0mKV0U2w0WZ2YB/++Tpockg= ops";

        assertThatThrownBy(() -> account.targetEc2().importKeyPair(request -> request.keyName("ecdsa")
                .publicKeyMaterial(SdkBytes.fromString(ecdsa, StandardCharsets.UTF_8))))
                .satisfies(error -> assertThat(code(error)).isEqualTo("InvalidKeyPair.Format"));
    }

    @Test
    void aKeyPairAskedForByANameThatIsNotThereIsNotFound() {
        assertThatThrownBy(() -> account.targetEc2().describeKeyPairs(request -> request.keyNames("missing")))
                .satisfies(error -> assertThat(code(error)).isEqualTo("InvalidKeyPair.NotFound"));
    }

    @Test
    void aMissingKeyPairWithoutAPublicKeyFailsNamingIt() {
        assertThatThrownBy(() -> keyPairs.ensure("w-1", "missing", null))
                .isInstanceOf(MissingKeyPairException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void keyPairsAreRegional() {
        assertThat(account.sourceEc2().describeKeyPairs(request -> request.filters(filter -> filter.name("key-name")
                .values("existing"))).keyPairs()).isEmpty();
    }
}
