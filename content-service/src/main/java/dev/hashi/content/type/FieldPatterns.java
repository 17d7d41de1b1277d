package dev.hashi.content.type;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Field patterns, which admins write and editors' values are matched against: a definition-time check that refuses
 * the shapes that backtrack catastrophically (a repeated group that itself holds a variable repetition, such as
 * {@code (a+)+}, {@code (\w*,?)*} or {@code (.*a){12}}), and a match bounded in time ({@value #MATCH_NANOS} ns), for
 * the slow shapes the check does not recognise, so that no pattern and no value can keep a request busy for long.
 */
public final class FieldPatterns {

    /** How long one value may take to match its field's pattern. */
    static final long MATCH_NANOS = 50_000_000L;

    private static final int CACHE_SIZE = 1000;
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private FieldPatterns() {}

    /** The outcome of matching a value. */
    public enum Match {
        MATCHES,
        DOES_NOT_MATCH,
        TOO_SLOW
    }

    /** Whether {@code text} matches {@code pattern} as a whole, giving up after {@value #MATCH_NANOS} ns. */
    public static Match matches(String pattern, String text) {
        return matches(pattern, text, MATCH_NANOS);
    }

    static Match matches(String pattern, String text, long budgetNanos) {
        Pattern compiled = COMPILED.get(pattern);
        if (compiled == null) {
            compiled = Pattern.compile(pattern);
            if (COMPILED.size() >= CACHE_SIZE) {
                COMPILED.clear();
            }
            COMPILED.put(pattern, compiled);
        }
        try {
            return compiled.matcher(new Deadline(text, System.nanoTime() + budgetNanos))
                            .matches()
                    ? Match.MATCHES
                    : Match.DOES_NOT_MATCH;
        } catch (Deadline.Exceeded e) {
            return Match.TOO_SLOW;
        }
    }

    /**
     * Whether {@code pattern} repeats a group that itself holds a variable repetition ({@code *}, {@code +},
     * {@code {n,}} or {@code {n,m}}), the shape behind catastrophic backtracking.
     */
    static boolean hasNestedRepetition(String pattern) {
        Deque<Boolean> groups = new ArrayDeque<>();
        boolean lastGroupUnbounded = false;
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            boolean closedGroup = false;
            if (c == '\\') {
                i++;
                lastGroupUnbounded = false;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
                continue;
            }
            switch (c) {
                case '[' -> inClass = true;
                case '(' -> groups.push(false);
                case ')' -> {
                    lastGroupUnbounded = !groups.isEmpty() && groups.pop();
                    closedGroup = true;
                }
                case '*', '+' -> {
                    if (!isModifier(pattern, i)) {
                        markUnbounded(groups);
                    }
                }
                case '{' -> {
                    int end = pattern.indexOf('}', i);
                    if (end > 0 && pattern.substring(i, end).contains(",")) {
                        String upper = pattern.substring(pattern.indexOf(',', i) + 1, end)
                                .trim();
                        if (upper.isEmpty() || !upper.equals("1")) {
                            markUnbounded(groups);
                        }
                    }
                }
                default -> {}
            }
            if (closedGroup && lastGroupUnbounded && repeatsNext(pattern, i + 1)) {
                return true;
            }
            if (closedGroup && lastGroupUnbounded) {
                markUnbounded(groups);
            }
        }
        return false;
    }

    /** Whether a {@code *} / {@code +} at {@code i} modifies a quantifier (possessive, e.g. {@code a*+}). */
    private static boolean isModifier(String pattern, int i) {
        return i > 0 && "*+?}".indexOf(pattern.charAt(i - 1)) >= 0 && pattern.charAt(i) == '+';
    }

    private static void markUnbounded(Deque<Boolean> groups) {
        if (!groups.isEmpty()) {
            groups.pop();
            groups.push(true);
        }
    }

    /** Whether the token at {@code i} repeats what precedes it more than once. */
    private static boolean repeatsNext(String pattern, int i) {
        if (i >= pattern.length()) {
            return false;
        }
        char c = pattern.charAt(i);
        if (c == '*' || c == '+') {
            return true;
        }
        if (c == '{') {
            int end = pattern.indexOf('}', i);
            if (end < 0) {
                return false;
            }
            String bounds = pattern.substring(i + 1, end);
            String upper = bounds.contains(",")
                    ? bounds.substring(bounds.indexOf(',') + 1).trim()
                    : bounds.trim();
            return upper.isEmpty() || !upper.equals("1") && !upper.equals("0");
        }
        return false;
    }

    /** A text whose characters cannot be read after a deadline, which stops a runaway match. */
    private static final class Deadline implements CharSequence {

        static final class Exceeded extends RuntimeException {
            Exceeded() {
                super("pattern match took too long", null, false, false);
            }
        }

        private final CharSequence text;
        private final long deadline;
        private int reads;

        Deadline(CharSequence text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0x3ff) == 0 && System.nanoTime() > deadline) {
                throw new Exceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Deadline(text.subSequence(start, end), deadline);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
