package dev.hashi.content.delivery;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The internal headers of delivery responses that say what a cached response depends on; the gateway strips them
 * before clients see them.
 *
 * <ul>
 *   <li>{@value #VERSIONS}: {@code <aggregateId>=<version>, …} — every content entry ({@code Entry.version()} as
 *       read) and every media asset (its media summary's version, {@code 0} when media-service never announced it)
 *       whose state the body shows;</li>
 *   <li>{@value #TYPES}: {@code <content type key>, …} — for lists and search: the body depends on every published
 *       entry of these types ({@value #ALL_TYPES} = of every type).</li>
 * </ul>
 */
public final class DeliveryHeaders {

    /** The aggregates a body shows, with the versions it shows them at. */
    public static final String VERSIONS = "Hashi-Versions";
    /** The content types whose every published entry a list or search body depends on. */
    public static final String TYPES = "Hashi-Types";
    /** In {@value #TYPES}: every content type. */
    public static final String ALL_TYPES = "*";

    private DeliveryHeaders() {}

    /** The {@value #VERSIONS} value for {@code versions} (aggregate id → version), in their iteration order. */
    public static String versions(Map<String, Long> versions) {
        return versions.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /**
     * The versions a {@value #VERSIONS} value lists, by aggregate id; {@code null} or blank gives an empty map.
     *
     * @throws IllegalArgumentException when a member is not {@code id=version} with a decimal version
     */
    public static Map<String, Long> parseVersions(String header) {
        Map<String, Long> versions = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return versions;
        }
        for (String member : header.split(",")) {
            String trimmed = member.strip();
            int eq = trimmed.lastIndexOf('=');
            if (eq <= 0 || eq == trimmed.length() - 1) {
                throw new IllegalArgumentException("not id=version: " + trimmed);
            }
            versions.put(trimmed.substring(0, eq), Long.parseLong(trimmed.substring(eq + 1)));
        }
        return versions;
    }

    /** The {@value #TYPES} value for {@code types} (content type keys, or {@value #ALL_TYPES}). */
    public static String types(Collection<String> types) {
        return String.join(", ", types);
    }
}
