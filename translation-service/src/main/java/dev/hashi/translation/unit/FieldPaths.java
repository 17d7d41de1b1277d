package dev.hashi.translation.unit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Derived forms of a unit's path: the field path across items, and a key that sorts paths in document order. */
public final class FieldPaths {

    private static final Pattern ITEM = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private FieldPaths() {}

    /**
     * The path with every item selector emptied: {@code sessions[s-local].presentations[p-2].title} becomes
     * {@code sessions[].presentations[].title}, the same field in every item of every entry of a type.
     */
    public static String fieldPath(String path) {
        return path == null ? null : ITEM.matcher(path).replaceAll("[]");
    }

    /**
     * A key whose binary order is the natural order of paths: each run of digits is written as its length (two
     * digits) followed by the digits without leading zeros, so {@code p-2} sorts before {@code p-10} and
     * {@code sessions[9]} before {@code sessions[10]}; everything else compares as it is.
     */
    static String naturalKey(String path) {
        if (path == null) {
            return null;
        }
        Matcher digits = DIGITS.matcher(path);
        StringBuilder key = new StringBuilder(path.length() + 8);
        while (digits.find()) {
            String run = digits.group().replaceFirst("^0+(?=.)", "");
            String length = run.length() > 99 ? "99" : String.format("%02d", run.length());
            digits.appendReplacement(key, length + run);
        }
        digits.appendTail(key);
        return key.toString();
    }
}
