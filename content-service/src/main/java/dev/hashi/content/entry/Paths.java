package dev.hashi.content.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field paths: field keys joined by dots, list items addressed by their stable id, e.g.
 * {@code sessions[s-2].presentations[p-1].title}.
 */
public final class Paths {

    public static final Pattern ITEM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern SEGMENT =
            Pattern.compile("([a-z][a-zA-Z0-9]{0,39})(?:\\[(" + ITEM_ID.pattern() + ")])?");

    private Paths() {}

    public static String child(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    public static String item(String listPath, String id) {
        return listPath + "[" + id + "]";
    }

    /** Whether {@code path} lies inside the list item {@code itemPath}. */
    public static boolean isInside(String path, String itemPath) {
        return path.startsWith(itemPath + ".");
    }

    /** One step of a path: a field key and, for a list item, its id. */
    public record Segment(String key, String itemId) {}

    /** The segments of a path, or empty when it is not a well-formed path. */
    public static List<Segment> parse(String path) {
        List<Segment> segments = new ArrayList<>();
        if (path == null || path.isEmpty() || path.length() > 500) {
            return List.of();
        }
        for (String part : path.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                return List.of();
            }
            segments.add(new Segment(m.group(1), m.group(2)));
        }
        return segments;
    }
}
