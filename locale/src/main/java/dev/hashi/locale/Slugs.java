package dev.hashi.locale;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import com.ibm.icu.text.Normalizer2;

/**
 * URL slugs made from titles in their own script: Japanese stays Japanese ({@code 北九州市}), never a guessed
 * reading such as pinyin. A slug is NFKC-normalised, lower-case, and made of letters, combining marks and digits
 * of any script joined by single hyphens; it holds no {@code /}, {@code .}, whitespace or control character, so it is
 * one safe path segment (percent-encoded as UTF-8 in URLs). Thread-safe.
 */
public final class Slugs {

    /** Longest valid slug, in code points. */
    public static final int MAX_LENGTH = 120;

    private static final int SHORT_ID_LENGTH = 12;
    private static final String WORD = "[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*";
    private static final Pattern VALID = Pattern.compile(WORD + "(?:-" + WORD + ")*");
    private static final Pattern INTRA_WORD_MARKS = Pattern.compile("['’]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern LEADING_MARKS = Pattern.compile("(^|-)\\p{M}+");
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    private Slugs() {}

    /**
     * A slug for a title, or empty when the title has no letter or digit.
     *
     * <p>The title is NFKC-normalised (full-width letters and half-width kana are unified) and lower-cased;
     * apostrophes are dropped ({@code government's → governments}), every other run of characters that are not
     * letters, marks or digits becomes one hyphen, and the result is cut to {@link #MAX_LENGTH} code points at a
     * word boundary where possible. Scripts are kept: {@code 北九州市 → 北九州市}, {@code Café → café}.
     *
     * @return a slug satisfying {@link #isValid(String)}, or empty
     * @throws NullPointerException if {@code title} is {@code null}
     */
    public static Optional<String> fromTitle(String title) {
        String folded = normalise(Objects.requireNonNull(title, "title"));
        String hyphenated = SEPARATORS
                .matcher(INTRA_WORD_MARKS.matcher(folded).replaceAll(""))
                .replaceAll("-");
        String slug = truncate(stripHyphens(LEADING_MARKS.matcher(hyphenated).replaceAll("$1")));
        return slug.isEmpty() || !isValid(slug) ? Optional.empty() : Optional.of(slug);
    }

    /**
     * Whether {@code slug} is a slug: at most {@link #MAX_LENGTH} code points, letters, marks and digits of any
     * script joined by single hyphens (each word starting with a letter or digit), and already NFKC-normalised and
     * lower-case. {@code false} for {@code null}, for anything with {@code /}, {@code .}, whitespace or control
     * characters, and for anything longer.
     */
    public static boolean isValid(String slug) {
        return slug != null
                && !slug.isEmpty()
                && slug.length() <= MAX_LENGTH * 2
                && slug.codePointCount(0, slug.length()) <= MAX_LENGTH
                && VALID.matcher(slug).matches()
                && normalise(slug).equals(slug);
    }

    /**
     * A short id that is also a valid slug: the first 12 lowercase hexadecimal digits (48 bits) of the SHA-256
     * of the NFC-normalised seed. The same seed always gives the same id; different seeds may collide, so
     * callers that need uniqueness must check it.
     *
     * @throws NullPointerException if {@code seed} is {@code null}
     */
    public static String shortId(String seed) {
        return Texts.sha256Hex(Texts.nfc(seed)).substring(0, SHORT_ID_LENGTH);
    }

    private static String normalise(String text) {
        return NFKC.normalize(NFKC.normalize(text).toLowerCase(Locale.ROOT));
    }

    private static String stripHyphens(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        int end = text.endsWith("-") ? text.length() - 1 : text.length();
        return start >= end ? "" : text.substring(start, end);
    }

    private static String truncate(String slug) {
        if (slug.codePointCount(0, slug.length()) <= MAX_LENGTH) {
            return slug;
        }
        int limit = slug.offsetByCodePoints(0, MAX_LENGTH);
        int lastBoundary = slug.lastIndexOf('-', limit);
        return slug.substring(0, lastBoundary > 0 ? lastBoundary : limit);
    }
}
