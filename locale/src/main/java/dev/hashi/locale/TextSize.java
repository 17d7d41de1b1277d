package dev.hashi.locale;

import java.util.Objects;

/**
 * The size of a text for translators, as measured by {@link TextMeasure}.
 *
 * @param count number of units, never negative
 * @param unit what was counted, never {@code null}
 */
public record TextSize(int count, Unit unit) {

    /** What a {@link TextSize} counts. */
    public enum Unit {
        /** Word-break segments containing a letter or number; used for space-delimited scripts. */
        WORDS,
        /** Grapheme clusters containing a letter or number; used for scripts written without spaces. */
        CHARACTERS
    }

    /**
     * @throws IllegalArgumentException if {@code count} is negative
     * @throws NullPointerException if {@code unit} is {@code null}
     */
    public TextSize {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Objects.requireNonNull(unit, "unit");
    }
}
