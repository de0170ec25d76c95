package dev.ferry.network;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** Makes sure the launch key pair exists in the target region, as {@link KeyPairPlan} decides. */
public class KeyPairs {

    private static final Logger LOG = LoggerFactory.getLogger(KeyPairs.class);

    private final TargetNetwork target;

    public KeyPairs(TargetNetwork target) {
        this.target = target;
    }

    /**
     * Reuses the key pair or imports the public key, tagged with the wave.
     *
     * @throws MissingKeyPairException   when it is missing and {@code publicKey} is null
     * @throws InvalidPublicKeyException when {@code publicKey} is needed and not a public key
     */
    public EnsuredKeyPair ensure(String waveId, String keyName, String publicKey) {
        KeyPairPlan.Decision decision = KeyPairPlan.decide(keyName, target.findKeyPair(keyName), publicKey);
        return switch (decision) {
            case KeyPairPlan.Decision.Reuse reuse -> new EnsuredKeyPair(reuse.keyPair(), false);
            case KeyPairPlan.Decision.Import toImport -> {
                TargetKeyPair imported = target.importKeyPair(toImport.keyName(), toImport.publicKey(),
                        Map.of(FerryTags.WAVE, waveId));
                LOG.info("Imported key pair {} ({})", imported.keyName(), imported.keyPairId());
                yield new EnsuredKeyPair(imported, true);
            }
        };
    }

    /**
     * The key pair the launch uses.
     *
     * @param keyPair  the key pair
     * @param imported whether this call imported it
     */
    public record EnsuredKeyPair(TargetKeyPair keyPair, boolean imported) {
    }
}
