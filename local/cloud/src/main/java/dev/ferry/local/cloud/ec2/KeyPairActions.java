package dev.ferry.local.cloud.ec2;

import dev.ferry.local.cloud.xml.XmlWriter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** EC2's key pair actions: DescribeKeyPairs (by names, IDs and filters) and ImportKeyPair. */
final class KeyPairActions {

    private static final Filters<KeyPairStore.KeyPair> FILTERS = new Filters<>(Map.<String, Function<KeyPairStore.KeyPair, Collection<String>>>of(
            "key-name", pair -> List.of(pair.keyName()),
            "key-pair-id", pair -> List.of(pair.keyPairId()),
            "fingerprint", pair -> List.of(pair.fingerprint()),
            "key-type", pair -> List.of(pair.keyType())),
            KeyPairStore.KeyPair::tags);

    private KeyPairActions() {
    }

    static void register(Map<String, Ec2Action> actions) {
        actions.put("DescribeKeyPairs", KeyPairActions::describe);
        actions.put("ImportKeyPair", KeyPairActions::importKeyPair);
    }

    private static String describe(Ec2Request request) {
        KeyPairStore store = request.region().keyPairs();
        List<String> names = request.list("KeyName");
        List<String> ids = request.list("KeyPairId");
        List<KeyPairStore.KeyPair> pairs = new ArrayList<>();
        names.forEach(name -> pairs.add(store.named(name)));
        ids.forEach(id -> pairs.add(store.withId(id)));
        if (names.isEmpty() && ids.isEmpty()) {
            pairs.addAll(store.all());
        }
        boolean withPublicKey = Boolean.parseBoolean(request.optional("IncludePublicKey"));
        XmlWriter xml = Ec2Xml.response(request).start("keySet");
        for (KeyPairStore.KeyPair pair : FILTERS.select(request, pairs)) {
            xml.start("item").element("keyPairId", pair.keyPairId()).element("keyName", pair.keyName())
                    .element("keyFingerprint", pair.fingerprint()).element("keyType", pair.keyType())
                    .element("publicKey", withPublicKey ? pair.publicKey() : null)
                    .element("createTime", pair.createdAt());
            Ec2Xml.tags(xml, pair.tags());
            xml.end();
        }
        return xml.end().end().toString();
    }

    private static String importKeyPair(Ec2Request request) {
        String keyName = request.required("KeyName");
        // A blob parameter: the query protocol carries it in base64.
        String material = request.required("PublicKeyMaterial");
        String publicKey;
        try {
            publicKey = new String(Base64.getMimeDecoder().decode(material), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new Ec2Exception("InvalidKeyPair.Format", "Key is not in valid OpenSSH public key format");
        }
        KeyPairStore.KeyPair pair = request.region().keyPairs().importKey(keyName, publicKey,
                request.tagSpecification("key-pair"), request.region().clock().instant());
        XmlWriter xml = Ec2Xml.response(request).element("keyFingerprint", pair.fingerprint())
                .element("keyName", pair.keyName()).element("keyPairId", pair.keyPairId());
        Ec2Xml.tags(xml, pair.tags());
        return xml.end().toString();
    }
}
