package dev.hashi.locale;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

/** URL slugs made from titles, without ever guessing the reading of kanji. Thread-safe. */
public final class Slugs {

    /** Longest valid slug, in characters. */
    public static final int MAX_LENGTH = 120;

    private static final int SHORT_ID_LENGTH = 12;
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern INTRA_WORD_MARKS = Pattern.compile("['~]");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    private Slugs() {}

    /**
     * A slug for a title, or empty when the title cannot give a faithful one.
     *
     * <p>The title is NFKC-normalised (full-width letters and half-width kana are unified). If it then contains
     * any Han character (kanji, hanzi), the result is empty: ICU would read kanji as Chinese pinyin
     * ({@code 北九州} as {@code bei-jiu-zhou}), so the caller should use the slug of another locale's title or
     * {@link #shortId(String)}. Otherwise the title is transliterated with ICU {@code Any-Latin; Latin-ASCII}
     * (kana to Hepburn-style romaji, {@code キタキュウシュウ → kitakyuushuu}; diacritics stripped,
     * {@code Déjà → deja}; Hangul, Cyrillic and Greek romanised), lowercased, apostrophes and transliteration
     * marks are dropped, every other run of characters outside {@code [a-z0-9]} becomes one hyphen, and the
     * result is cut to {@link #MAX_LENGTH} at a word boundary where possible. Empty if nothing is left.
     *
     * @return a slug satisfying {@link #isValid(String)}, or empty
     * @throws NullPointerException if {@code title} is {@code null}
     */
    public static Optional<String> fromTitle(String title) {
        String folded = NFKC.normalize(Objects.requireNonNull(title, "title"));
        if (containsHan(folded)) {
            return Optional.empty();
        }
        String ascii = TO_ASCII.transliterate(folded).toLowerCase(Locale.ROOT);
        String hyphenated = SEPARATORS
                .matcher(INTRA_WORD_MARKS.matcher(ascii).replaceAll(""))
                .replaceAll("-");
        String slug = truncate(stripHyphens(hyphenated));
        return slug.isEmpty() ? Optional.empty() : Optional.of(slug);
    }

    /**
     * Whether {@code slug} is at most {@link #MAX_LENGTH} characters and matches
     * {@code ^[a-z0-9]+(?:-[a-z0-9]+)*$}; {@code false} for {@code null}.
     */
    public static boolean isValid(String slug) {
        return slug != null
                && slug.length() <= MAX_LENGTH
                && VALID.matcher(slug).matches();
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

    private static boolean containsHan(String text) {
        return text.codePoints().anyMatch(codePoint -> UScript.getScript(codePoint) == UScript.HAN);
    }

    private static String stripHyphens(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        int end = text.endsWith("-") ? text.length() - 1 : text.length();
        return start >= end ? "" : text.substring(start, end);
    }

    private static String truncate(String slug) {
        if (slug.length() <= MAX_LENGTH) {
            return slug;
        }
        int lastBoundary = slug.lastIndexOf('-', MAX_LENGTH);
        return slug.substring(0, lastBoundary > 0 ? lastBoundary : MAX_LENGTH);
    }
}
