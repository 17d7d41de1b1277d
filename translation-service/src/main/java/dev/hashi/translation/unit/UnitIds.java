package dev.hashi.translation.unit;

import dev.hashi.digest.Sha256;

/** Unit ids are derived from (entry, path, target locale), so a replay or a rebuild finds the same ids. */
public final class UnitIds {

    private UnitIds() {}

    /** {@code u} followed by 32 hex digits (128 bits) of SHA-256 over entry id, path and target locale. */
    public static String of(String entryId, String path, String targetLocale) {
        return "u"
                + Sha256.hex(entryId + '\u0000' + path + '\u0000' + targetLocale)
                        .substring(0, 32);
    }
}
