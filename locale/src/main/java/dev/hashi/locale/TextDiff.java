package dev.hashi.locale;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * How one text differs from another (a correction from a submission, a submission from the translation before it),
 * as runs of equal, deleted and inserted text. Text is compared token by token: a word (letters and digits of alphabetic scripts), a run of white space, each Han, kana
 * or other character on its own, so Japanese and Chinese are compared character by character.
 */
public final class TextDiff {

    /** A run of text: {@code op} is {@code equal}, {@code delete} or {@code insert}. */
    public record Edit(String op, String text) {}

    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{L}\\p{N}\\p{M}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]]+|\\s+|\\X",
            Pattern.UNICODE_CHARACTER_CLASS);

    private TextDiff() {}

    /** The runs that turn {@code before} into {@code after}; equal texts give one {@code equal} run. */
    public static List<Edit> between(String before, String after) {
        List<String> from = tokens(before);
        List<String> to = tokens(after);
        Patch<String> patch = DiffUtils.diff(from, to);
        List<Edit> edits = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            add(edits, "equal", from.subList(position, start));
            add(edits, "delete", delta.getSource().getLines());
            add(edits, "insert", delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        add(edits, "equal", from.subList(position, from.size()));
        return edits;
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static void add(List<Edit> edits, String op, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!edits.isEmpty() && edits.get(edits.size() - 1).op().equals(op)) {
            Edit last = edits.remove(edits.size() - 1);
            text = last.text() + text;
        }
        edits.add(new Edit(op, text));
    }
}
