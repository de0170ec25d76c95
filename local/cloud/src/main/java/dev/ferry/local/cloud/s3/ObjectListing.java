package dev.ferry.local.cloud.s3;

import dev.ferry.local.cloud.xml.XmlWriter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One page of ListObjectsV2, as S3 answers it: the keys under {@code prefix} in UTF-8 order, those with the
 * {@code delimiter} after the prefix rolled up into one common prefix each, at most {@code max-keys} entries
 * (keys and common prefixes together), and a continuation token when more follow. The token is the last entry of
 * the page, encoded: the next page starts after it, and a common prefix there skips every key under it
 * ({@code max-keys=0} gives an empty page that is not truncated, so that a paginator stops). With
 * {@code encoding-type=url} the keys and prefixes are URL-encoded, as the AWS CLI asks for and decodes.
 */
final class ObjectListing {

    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    /** The page size when none is asked for, and the largest S3 gives. */
    static final int MAX_KEYS = 1000;

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A key of the page, or a common prefix when {@code object} is null. */
    private record Entry(String name, StoredObject object) {
    }

    private ObjectListing() {
    }

    /** The ListBucketResult document for {@code query}, the request's decoded query parameters. */
    static String page(Bucket bucket, Map<String, String> query) {
        String prefix = query.getOrDefault("prefix", "");
        String delimiter = query.getOrDefault("delimiter", "");
        int maxKeys = maxKeys(query.get("max-keys"));
        String token = query.get("continuation-token");
        String startAfter = query.get("start-after");
        String after = token != null ? fromToken(token) : startAfter;

        List<Entry> entries = new ArrayList<>();
        boolean truncated = false;
        for (Map.Entry<String, StoredObject> object : bucket.from(prefix).entrySet()) {
            String key = object.getKey();
            if (!key.startsWith(prefix)) {
                break;
            }
            Entry entry = entryOf(key, object.getValue(), prefix, delimiter);
            boolean seen = !entries.isEmpty() && entries.getLast().name().equals(entry.name());
            if (seen || (after != null && (Bucket.KEY_ORDER.compare(key, after) <= 0 || entry.name().equals(after)))) {
                continue;
            }
            if (entries.size() == maxKeys) {
                truncated = maxKeys > 0;
                break;
            }
            entries.add(entry);
        }

        UnaryOperator<String> encode = "url".equals(query.get("encoding-type"))
                ? text -> URLEncoder.encode(text, StandardCharsets.UTF_8)
                : UnaryOperator.identity();
        XmlWriter xml = new XmlWriter().startDocument("ListBucketResult", NAMESPACE)
                .element("Name", bucket.name())
                .element("Prefix", encode.apply(prefix))
                .element("Delimiter", delimiter.isEmpty() ? null : encode.apply(delimiter))
                .element("MaxKeys", maxKeys)
                .element("EncodingType", query.get("encoding-type"))
                .element("KeyCount", entries.size())
                .element("IsTruncated", truncated)
                .element("ContinuationToken", token)
                .element("NextContinuationToken", truncated ? toToken(entries.getLast().name()) : null)
                .element("StartAfter", startAfter == null ? null : encode.apply(startAfter));
        entries.stream().filter(entry -> entry.object() != null).forEach(entry -> xml.start("Contents")
                .element("Key", encode.apply(entry.name()))
                .element("LastModified", ISO_MILLIS.format(entry.object().lastModified()))
                .element("ETag", entry.object().etag())
                .element("Size", entry.object().size())
                .element("StorageClass", "STANDARD")
                .end());
        entries.stream().filter(entry -> entry.object() == null).forEach(entry -> xml.start("CommonPrefixes")
                .element("Prefix", encode.apply(entry.name()))
                .end());
        return xml.endAll().toString();
    }

    /** The key itself, or the common prefix it rolls up into: up to and with the first delimiter after the prefix. */
    private static Entry entryOf(String key, StoredObject object, String prefix, String delimiter) {
        int at = delimiter.isEmpty() ? -1 : key.indexOf(delimiter, prefix.length());
        return at < 0 ? new Entry(key, object) : new Entry(key.substring(0, at + delimiter.length()), null);
    }

    private static int maxKeys(String requested) {
        if (requested == null) {
            return MAX_KEYS;
        }
        try {
            int maxKeys = Integer.parseInt(requested);
            if (maxKeys < 0) {
                throw S3Exception.invalidArgument("max-keys must be at least 0, got " + requested);
            }
            return Math.min(maxKeys, MAX_KEYS);
        } catch (NumberFormatException e) {
            throw S3Exception.invalidArgument("Provided max-keys not an integer or within integer range: " + requested);
        }
    }

    private static String toToken(String lastEntry) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastEntry.getBytes(StandardCharsets.UTF_8));
    }

    private static String fromToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Exception.invalidArgument("The continuation token provided is incorrect");
        }
    }
}
