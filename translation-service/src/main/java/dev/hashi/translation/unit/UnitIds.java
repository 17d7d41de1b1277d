package dev.hashi.translation.unit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Unit ids are derived from (entry, path, target locale), so a replay or a rebuild finds the same ids. */
public final class UnitIds {

    private UnitIds() {}

    /** {@code u} followed by 32 hex digits (128 bits) of SHA-256 over entry id, path and target locale. */
    public static String of(String entryId, String path, String targetLocale) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(
                    (entryId + '\u0000' + path + '\u0000' + targetLocale).getBytes(StandardCharsets.UTF_8));
            return "u" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
