package dev.hashi.locale;

import java.util.Objects;
import java.util.Set;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Counts words or characters of a text for translators, with ICU {@link BreakIterator}s. Thread-safe.
 *
 * <p>The unit depends on the script of the source locale (its own or, if absent, its likely script):
 * Japanese ({@code Jpan}, {@code Hira}, {@code Kana}), Chinese ({@code Hans}, {@code Hant}, {@code Hani}),
 * Thai, Lao, Khmer and Myanmar are written without spaces between words and are counted in
 * {@link TextSize.Unit#CHARACTERS}; every other script, Korean included, in {@link TextSize.Unit#WORDS}.
 *
 * <p>A word is a word-break segment that contains at least one letter or number (Unicode general category
 * L or N); a character is a grapheme cluster (user-perceived character, so {@code ｶﾞ} or {@code é} written
 * with a combining mark is one) that contains a letter or number. Whitespace, punctuation and symbols (such
 * as the tildes in {@code ~水俣市~}) are never counted.
 */
public final class TextMeasure {

    private static final Set<String> UNSPACED_SCRIPTS =
            Set.of("Jpan", "Hira", "Kana", "Hans", "Hant", "Hani", "Thai", "Laoo", "Khmr", "Mymr");

    private TextMeasure() {}

    /**
     * Measures {@code text} written in {@code sourceLocale}.
     *
     * @return the size in the locale's unit; a count of 0 for empty or letterless text
     * @throws NullPointerException if an argument is {@code null}
     */
    public static TextSize measure(String text, LocaleTag sourceLocale) {
        Objects.requireNonNull(text, "text");
        TextSize.Unit unit = unitFor(sourceLocale);
        ULocale locale = sourceLocale.ulocale();
        BreakIterator segments = unit == TextSize.Unit.WORDS
                ? BreakIterator.getWordInstance(locale)
                : BreakIterator.getCharacterInstance(locale);
        return new TextSize(countLetterOrNumberSegments(segments, text), unit);
    }

    /**
     * The unit {@link #measure} uses for {@code locale}.
     *
     * @throws NullPointerException if {@code locale} is {@code null}
     */
    public static TextSize.Unit unitFor(LocaleTag locale) {
        String script = ULocale.addLikelySubtags(locale.ulocale()).getScript();
        return UNSPACED_SCRIPTS.contains(script) ? TextSize.Unit.CHARACTERS : TextSize.Unit.WORDS;
    }

    private static int countLetterOrNumberSegments(BreakIterator segments, String text) {
        segments.setText(text);
        int count = 0;
        int start = segments.first();
        for (int end = segments.next(); end != BreakIterator.DONE; start = end, end = segments.next()) {
            if (containsLetterOrNumber(text, start, end)) {
                count++;
            }
        }
        return count;
    }

    private static boolean containsLetterOrNumber(String text, int start, int end) {
        for (int i = start; i < end; ) {
            int codePoint = text.codePointAt(i);
            if (isLetterOrNumber(codePoint)) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }

    private static boolean isLetterOrNumber(int codePoint) {
        return switch (UCharacter.getType(codePoint)) {
            case UCharacterCategory.UPPERCASE_LETTER,
                    UCharacterCategory.LOWERCASE_LETTER,
                    UCharacterCategory.TITLECASE_LETTER,
                    UCharacterCategory.MODIFIER_LETTER,
                    UCharacterCategory.OTHER_LETTER,
                    UCharacterCategory.DECIMAL_DIGIT_NUMBER,
                    UCharacterCategory.LETTER_NUMBER,
                    UCharacterCategory.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}
