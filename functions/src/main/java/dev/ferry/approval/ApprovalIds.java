package dev.ferry.approval;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Approval IDs: the only secret in an approval link, so they are long, random and unguessable.
 * 24 bytes (192 bits) from {@link SecureRandom}, URL-safe base64 without padding: exactly 32
 * characters of {@code A-Z a-z 0-9 - _}.
 */
public final class ApprovalIds {

    private static final int RANDOM_BYTES = 24;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{32}");

    private ApprovalIds() {
    }

    /**
     * A new ID. The generator is created on every call, never kept from class initialization:
     * SnapStart restores one snapshot into many environments, and a generator in that snapshot
     * would hand each of them the same sequence.
     */
    public static String newId() {
        byte[] bytes = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has the length and alphabet of an ID, so that garbage never reaches the store. */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches();
    }
}
