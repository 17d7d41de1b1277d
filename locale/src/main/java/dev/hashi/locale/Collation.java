package dev.hashi.locale;

import java.util.Comparator;
import java.util.HexFormat;

import com.ibm.icu.text.Collator;

/**
 * Locale-sensitive ordering with ICU collation (default strength of the locale's tailoring; for Japanese,
 * kana sort before kanji). Thread-safe.
 */
public final class Collation {

    private Collation() {}

    /**
     * A sort key for storing next to {@code text}, so that a database without collation support sorts in the
     * locale's order: for any two texts, {@code sortKey(a).compareTo(sortKey(b))} (plain binary or code-point
     * string comparison) has the same sign as {@code comparator(locale).compare(a, b)}.
     *
     * <p>The key is the lowercase hexadecimal form of ICU's collation key without its terminating zero byte;
     * its length grows with the text. Keys are only comparable with keys of the same locale made under the same
     * {@link #version(LocaleTag)}; recompute stored keys when the version changes.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public static String sortKey(String text, LocaleTag locale) {
        byte[] key = collator(locale).getCollationKey(text).toByteArray();
        return HexFormat.of().formatHex(key, 0, key.length - 1);
    }

    /**
     * A comparator in the locale's order; it throws {@link NullPointerException} for {@code null} elements.
     *
     * @throws NullPointerException if {@code locale} is {@code null}
     */
    public static Comparator<String> comparator(LocaleTag locale) {
        Collator collator = collator(locale);
        return collator::compare;
    }

    /**
     * The version of the collation rules and data for {@code locale}, e.g. {@code "153.136.48.0"}; store it with
     * sort keys to know when they must be recomputed.
     *
     * @throws NullPointerException if {@code locale} is {@code null}
     */
    public static String version(LocaleTag locale) {
        return collator(locale).getVersion().toString();
    }

    private static Collator collator(LocaleTag locale) {
        return Collator.getInstance(locale.ulocale()).freeze();
    }
}
