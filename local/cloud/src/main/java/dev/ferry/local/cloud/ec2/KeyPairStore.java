package dev.ferry.local.cloud.ec2;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The key pairs of one simulated region: names are unique, imported public keys are checked as EC2 does. */
final class KeyPairStore {

    private final Ec2Ids ids;
    private final Map<String, KeyPair> byName = new LinkedHashMap<>();

    KeyPairStore(Ec2Ids ids) {
        this.ids = ids;
    }

    /**
     * Imports a public key under a name.
     *
     * @throws Ec2Exception {@code InvalidKeyPair.Duplicate} for a name in use, {@code InvalidKeyPair.Format}
     *                      for a key EC2 cannot read
     */
    synchronized KeyPair importKey(String keyName, String publicKey, Map<String, String> tags, Instant now) {
        if (byName.containsKey(keyName)) {
            throw new Ec2Exception("InvalidKeyPair.Duplicate", "The keypair already exists");
        }
        OpenSshPublicKey key = OpenSshPublicKey.parse(publicKey);
        String id = ids.next("key", taken -> byName.values().stream().anyMatch(pair -> pair.keyPairId().equals(taken)));
        KeyPair pair = new KeyPair(id, keyName, key.type(), key.fingerprint(), key.openSsh(), new LinkedHashMap<>(tags), now);
        byName.put(keyName, pair);
        return pair.copy();
    }

    synchronized List<KeyPair> all() {
        return byName.values().stream().map(KeyPair::copy).toList();
    }

    /** A key pair by name, or EC2's {@code InvalidKeyPair.NotFound}. */
    synchronized KeyPair named(String keyName) {
        KeyPair pair = byName.get(keyName);
        if (pair == null) {
            throw new Ec2Exception("InvalidKeyPair.NotFound", "The key pair '" + keyName + "' does not exist");
        }
        return pair.copy();
    }

    /** A key pair by ID, or EC2's {@code InvalidKeyPair.NotFound}. */
    synchronized KeyPair withId(String keyPairId) {
        return byName.values().stream().filter(pair -> pair.keyPairId().equals(keyPairId)).findFirst()
                .map(KeyPair::copy)
                .orElseThrow(() -> new Ec2Exception("InvalidKeyPair.NotFound", "The key pair ID '" + keyPairId
                        + "' does not exist"));
    }

    /** Adds or replaces tags of a key pair given by ID. */
    synchronized void tag(String keyPairId, Map<String, String> tags) {
        byName.values().stream().filter(pair -> pair.keyPairId().equals(keyPairId)).findFirst()
                .orElseThrow(() -> new Ec2Exception("InvalidKeyPair.NotFound", "The key pair ID '" + keyPairId
                        + "' does not exist"))
                .tags().putAll(tags);
    }

    /** A key pair; {@code tags} is live inside the store and copied out of it. */
    record KeyPair(String keyPairId, String keyName, String keyType, String fingerprint, String publicKey,
                   Map<String, String> tags, Instant createdAt) {

        KeyPair copy() {
            return new KeyPair(keyPairId, keyName, keyType, fingerprint, publicKey, new LinkedHashMap<>(tags), createdAt);
        }
    }
}
