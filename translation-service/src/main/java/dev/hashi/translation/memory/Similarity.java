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

    /**
     * {@link #score}, or -1 when it is below {@code threshold}, in time bounded by the distance the threshold
     * allows: texts whose lengths or token counts alone rule the threshold out are refused in linear time, the others
     * are compared within a band of that width (O(n·k) time, O(n) space), stopping once the band exceeds it.
     */
    static double scoreAtLeast(List<String> a, List<String> b, double threshold) {
        int longer = Math.max(a.size(), b.size());
        if (longer == 0) {
            return 1.0 >= threshold ? 1.0 : -1;
        }
        int allowed = (int) Math.floor((1.0 - threshold) * longer) + 1;
        while (allowed >= 0 && 1.0 - (double) allowed / longer < threshold) {
            allowed--;
        }
        if (allowed < 0 || Math.abs(a.size() - b.size()) > allowed || longer - common(a, b) > allowed) {
            return -1;
        }
        int distance = boundedDistance(a, b, allowed);
        return distance > allowed ? -1 : 1.0 - (double) distance / longer;
    }

    /** How many tokens the two lists share, counted as multisets: no alignment matches more. */
    private static int common(List<String> a, List<String> b) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        a.forEach(token -> counts.merge(token, 1, Integer::sum));
        int shared = 0;
        for (String token : b) {
            Integer left = counts.get(token);
            if (left != null && left > 0) {
                counts.put(token, left - 1);
                shared++;
            }
        }
        return shared;
    }

    /** The edit distance if it is at most {@code limit}, otherwise some value above {@code limit}. */
    private static int boundedDistance(List<String> a, List<String> b, int limit) {
        int over = limit + 1;
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            previous[j] = j <= limit ? j : over;
        }
        for (int i = 1; i <= a.size(); i++) {
            int from = Math.max(1, i - limit);
            int to = Math.min(b.size(), i + limit);
            current[0] = i <= limit ? i : over;
            if (from > 1) {
                current[from - 1] = over;
            }
            int best = current[0];
            for (int j = from; j <= to; j++) {
                int substitution = previous[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                int value = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
                current[j] = Math.min(value, over);
                best = Math.min(best, current[j]);
            }
            if (to < b.size()) {
                current[to + 1] = over;
            }
            if (best > limit) {
                return over;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
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
