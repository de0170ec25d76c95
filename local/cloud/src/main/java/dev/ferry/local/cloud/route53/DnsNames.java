package dev.ferry.local.cloud.route53;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Domain names as Route 53 compares and sorts them. */
final class DnsNames {

    private DnsNames() {
    }

    /** Lower case, with the final dot: Route 53 treats {@code Media.Example.com} and {@code media.example.com.} alike. */
    static String normal(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    /** Whether {@code name} is the zone's apex or lies below it. */
    static boolean inZone(String name, String zoneName) {
        return name.equals(zoneName) || name.endsWith("." + zoneName);
    }

    /**
     * The key ListResourceRecordSets sorts by: the labels reversed ({@code www.example.com.} sorts as
     * {@code com.example.www}), so that a zone's names come grouped under their parents.
     */
    static String sortKey(String normalName) {
        List<String> labels = Arrays.asList(normalName.substring(0, normalName.length() - 1).split("\\."));
        Collections.reverse(labels);
        return String.join(".", labels);
    }
}
