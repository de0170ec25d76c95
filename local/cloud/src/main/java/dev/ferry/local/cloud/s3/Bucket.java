package dev.ferry.local.cloud.s3;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One bucket's objects by key, in the order S3 lists them: by the keys' UTF-8 bytes, which is not the order of
 * Java strings for characters beyond the Basic Multilingual Plane. A concurrent map, because the server answers
 * on many threads and a put must not wait for a listing.
 */
final class Bucket {

    static final Comparator<String> KEY_ORDER =
            Comparator.comparing((String key) -> key.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);

    private final String name;
    private final ConcurrentSkipListMap<String, StoredObject> objects = new ConcurrentSkipListMap<>(KEY_ORDER);

    Bucket(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Stores {@code object} under {@code key}, replacing what was there. */
    void put(String key, StoredObject object) {
        objects.put(key, object);
    }

    Optional<StoredObject> get(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    /** The objects whose keys sort at or after {@code key}, in listing order; a live view. */
    NavigableMap<String, StoredObject> from(String key) {
        return objects.tailMap(key, true);
    }
}
