package dev.hashi.identity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A translation direction a translator is granted, e.g. {@code ja:en} (from Japanese into English). Tags are
 * BCP 47 as canonicalised by the locale toolkit; {@code *} on either side means any locale.
 */
public record LocalePair(String source, String target) {

    private static final Pattern TAG = Pattern.compile("\\*|[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    public LocalePair {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (!TAG.matcher(source).matches() || !TAG.matcher(target).matches()) {
            throw new IllegalArgumentException("not a locale pair: " + source + ":" + target);
        }
    }

    /**
     * Parses {@code source:target}.
     *
     * @throws IllegalArgumentException when malformed
     */
    public static LocalePair parse(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon != value.lastIndexOf(':')) {
            throw new IllegalArgumentException("not a locale pair: " + value);
        }
        return new LocalePair(value.substring(0, colon), value.substring(colon + 1));
    }

    /** Whether this grant covers translating from {@code from} into {@code into}. */
    public boolean covers(String from, String into) {
        return ("*".equals(source) || source.equalsIgnoreCase(from))
                && ("*".equals(target) || target.equalsIgnoreCase(into));
    }

    @Override
    public String toString() {
        return source + ":" + target;
    }
}
