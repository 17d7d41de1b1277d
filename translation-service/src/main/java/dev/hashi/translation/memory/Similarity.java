package dev.hashi.translation.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.hashi.locale.LocaleTag;
import dev.hashi.locale.TextMeasure;
import dev.hashi.locale.TextSize;
import dev.hashi.locale.Texts;

/**
 * Similarity of two source texts of one locale: 1 − edit distance / length of the longer, over tokens of the
 * search-folded (NFKC casefold) texts. Tokens are the letters and digits for locales measured in characters
 * (Japanese: whitespace is meaningless there), and words for the others.
 */
final class Similarity {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    static final int MAX_TOKENS = 2000;

    private Similarity() {}

    static List<String> tokens(String text, LocaleTag locale) {
        String folded = Texts.searchFold(text);
        List<String> tokens = new ArrayList<>();
        if (TextMeasure.unitFor(locale) == TextSize.Unit.CHARACTERS) {
            folded.codePoints()
                    .filter(Character::isLetterOrDigit)
                    .limit(MAX_TOKENS)
                    .forEach(cp -> tokens.add(new String(Character.toChars(cp))));
        } else {
            for (String word : NON_WORD.split(folded)) {
                if (!word.isEmpty() && tokens.size() < MAX_TOKENS) {
                    tokens.add(word);
                }
            }
        }
        return tokens;
    }

    /** A score from 0 to 1; 1 for equal token sequences. */
    static double score(List<String> a, List<String> b) {
        int longer = Math.max(a.size(), b.size());
        if (longer == 0) {
            return 1.0;
        }
        return 1.0 - (double) distance(a, b) / longer;
    }

    private static int distance(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int substitution = previous[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }
}
