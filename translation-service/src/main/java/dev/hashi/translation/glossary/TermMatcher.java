package dev.hashi.translation.glossary;

import java.util.List;

import dev.hashi.locale.Texts;

/**
 * Finds terms in text after folding both with the locale toolkit (NFKC and case folding, so {@code ＡＢＣ} finds
 * {@code abc} and half-width kana find full-width ones). A term in an alphabetic script must stand as a whole word;
 * Chinese and Japanese have no spaces between words, so there a term matches as a substring.
 */
final class TermMatcher {

    private TermMatcher() {}

    /** The terms of {@code glossary} that occur in {@code text}. */
    static List<GlossaryTerm> found(List<GlossaryTerm> glossary, String text) {
        String folded = Texts.searchFold(text);
        return glossary.stream().filter(term -> occurs(folded, term.key())).toList();
    }

    /** Whether {@code phrase} occurs in {@code text}, folding both. */
    static boolean contains(String text, String phrase) {
        return occurs(Texts.searchFold(text), Texts.searchFold(phrase));
    }

    private static boolean occurs(String folded, String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1)) {
            if (boundary(folded, at - 1, key.codePointAt(0))
                    && boundary(folded, at + key.length(), key.codePointBefore(key.length()))) {
                return true;
            }
        }
        return false;
    }

    /** No word continues across {@code index} next to the term's edge character {@code edge}. */
    private static boolean boundary(String text, int index, int edge) {
        if (index < 0 || index >= text.length() || !wordChar(edge) || ideographic(edge)) {
            return true;
        }
        int neighbour = text.codePointAt(index);
        return !wordChar(neighbour) || ideographic(neighbour);
    }

    private static boolean wordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint);
    }

    private static boolean ideographic(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
