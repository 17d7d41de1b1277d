package dev.hashi.locale;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;

import dev.hashi.digest.Sha256;

/** Unicode normalisation for storage, search and change detection. All methods are pure and thread-safe. */
public final class Texts {

    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

    private Texts() {}

    /**
     * NFC-normalises text; apply to every text value before it is stored.
     *
     * @throws NullPointerException if {@code text} is {@code null}
     */
    public static String nfc(String text) {
        return NFC.normalize(text);
    }

    /**
     * Folds text for search matching with Unicode NFKC_Casefold: compatibility forms are unified (full-width
     * {@code ＡＢＣ１２３} becomes {@code abc123}, half-width {@code ｷﾀ} becomes {@code キタ}), case is folded
     * ({@code Straße} becomes {@code strasse}) and default-ignorable characters such as soft hyphens are removed.
     * Apply the same fold to indexed text and to queries.
     *
     * @throws NullPointerException if {@code text} is {@code null}
     */
    public static String searchFold(String text) {
        return NFKC_CASEFOLD.normalize(text);
    }

    /**
     * The source hash used to detect outdated translations: lowercase hexadecimal SHA-256 (64 characters) of
     * the UTF-8 bytes of {@code text} after, in this order, NFC normalisation, then removal of leading and
     * trailing Unicode {@code White_Space} characters, then replacement of every inner run of them (spaces,
     * tabs, line and paragraph breaks, no-break and ideographic spaces) by one U+0020 space. Nothing else is
     * changed: case, punctuation, full-width forms and zero-width characters all affect the hash. So a
     * whitespace-only or NFC-equivalent edit keeps the hash, any other edit changes it.
     *
     * @throws NullPointerException if {@code text} is {@code null}
     */
    public static String sourceHash(String text) {
        return sha256Hex(hashInput(text));
    }

    static String hashInput(String text) {
        String normalized = NFC.normalize(text);
        StringBuilder out = new StringBuilder(normalized.length());
        boolean pendingSpace = false;
        for (int i = 0; i < normalized.length(); ) {
            int codePoint = normalized.codePointAt(i);
            i += Character.charCount(codePoint);
            if (UCharacter.isUWhiteSpace(codePoint)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(codePoint);
            }
        }
        return out.toString();
    }

    static String sha256Hex(String text) {
        return Sha256.hex(text);
    }
}
