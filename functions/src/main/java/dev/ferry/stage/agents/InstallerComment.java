package dev.ferry.stage.agents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The comment of an installer command. SendCommand takes no idempotency token, so the comment is
 * what finds a command an earlier attempt sent: it must be unique per wave and instance, and fit
 * SSM's limit whatever the length of the wave ID.
 */
final class InstallerComment {

    /** SSM's limit on a command's comment. */
    static final int MAX_LENGTH = 100;

    private static final String PREFIX = "ferry agent install ";

    private InstallerComment() {
    }

    /**
     * Names the instance and the wave, in at most {@link #MAX_LENGTH} characters: a wave ID too long
     * to fit is shortened and ends with a digest of the whole ID, so two waves whose IDs share a
     * long start still differ.
     */
    static String of(String waveId, String instanceId) {
        String start = PREFIX + instanceId + " wave ";
        String comment = start + waveId;
        if (comment.length() <= MAX_LENGTH) {
            return comment;
        }
        String digest = "~" + HexFormat.of().formatHex(sha256(waveId), 0, 4);
        return start + waveId.substring(0, MAX_LENGTH - start.length() - digest.length()) + digest;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
