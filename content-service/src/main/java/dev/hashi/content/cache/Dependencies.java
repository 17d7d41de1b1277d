package dev.hashi.content.cache;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a delivery response depends on, as its internal headers say.
 *
 * <p>{@code Hashi-Versions: <aggregateId>=<version>, …} names every entry and asset whose state the body shows, at
 * the version read; {@code Hashi-Types: <content type>, …} names the content types whose published entries a list or
 * search depends on ({@code *}: every type). A response without {@code Hashi-Versions} is <em>unversioned</em>: it
 * cannot show what it read, so it depends on every delivery event.
 *
 * @param versions the versions read by aggregate id, {@code null} when the response is unversioned
 * @param types    the content types depended on (maybe {@code *}), empty when none
 */
record Dependencies(Map<String, Long> versions, Set<String> types) {

    static final String VERSIONS = "Hashi-Versions";
    static final String TYPES = "Hashi-Types";
    static final String EVERY_TYPE = "*";

    /**
     * Parses the two headers.
     *
     * @param versions the {@code Hashi-Versions} value, {@code null} when absent
     * @param types    the {@code Hashi-Types} value, {@code null} when absent
     * @return empty when either is malformed (such a response is never stored)
     */
    static Optional<Dependencies> parse(String versions, String types) {
        Map<String, Long> read = null;
        if (versions != null) {
            read = new LinkedHashMap<>();
            for (String part : items(versions)) {
                int eq = part.lastIndexOf('=');
                if (eq <= 0 || eq == part.length() - 1) {
                    return Optional.empty();
                }
                try {
                    read.put(
                            part.substring(0, eq).trim(),
                            Long.parseLong(part.substring(eq + 1).trim()));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        Set<String> listed = new LinkedHashSet<>(types == null ? Set.of() : items(types));
        return Optional.of(new Dependencies(read == null ? null : Map.copyOf(read), Set.copyOf(listed)));
    }

    private static Set<String> items(String header) {
        Set<String> items = new LinkedHashSet<>();
        for (String part : header.split(",")) {
            if (!part.isBlank()) {
                items.add(part.trim());
            }
        }
        return items;
    }

    boolean versioned() {
        return versions != null;
    }

    /**
     * Whether an event about {@code aggregateId} (an entry of {@code contentType}, or an asset when that is
     * {@code null}) changes what this response shows.
     */
    boolean affectedBy(String aggregateId, String contentType) {
        if (!versioned() || versions.containsKey(aggregateId)) {
            return true;
        }
        return contentType != null && (types.contains(contentType) || types.contains(EVERY_TYPE));
    }

    /**
     * Whether a change of the delivery index for {@code contentType} ({@code null}: every type) changes what this
     * response shows: lists and search, and responses that did not say what they show.
     */
    boolean readsIndexOf(String contentType) {
        if (!versioned()) {
            return true;
        }
        if (types.isEmpty()) {
            return false;
        }
        return contentType == null || types.contains(contentType) || types.contains(EVERY_TYPE);
    }

    /** Whether any event arriving while the response was produced keeps it from being stored. */
    boolean needsQuietGeneration() {
        return !versioned() || !types.isEmpty();
    }
}
