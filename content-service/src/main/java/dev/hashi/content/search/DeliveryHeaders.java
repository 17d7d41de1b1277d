package dev.hashi.content.search;

import java.util.Map;
import java.util.stream.Collectors;

/** The internal headers of cacheable delivery responses (the gateway strips them before clients see them). */
final class DeliveryHeaders {

    /** Every entry whose state the body shows, as {@code id=version, …}. */
    static final String VERSIONS = "Hashi-Versions";
    /** The content types every published entry of which the body depends on; {@code *} for all. */
    static final String TYPES = "Hashi-Types";

    static final String ALL_TYPES = "*";

    private DeliveryHeaders() {}

    /** The {@code Hashi-Versions} value listing {@code versions} (entry id → version); empty when there are none. */
    static String[] versions(Map<String, Long> versions) {
        if (versions.isEmpty()) {
            return new String[0];
        }
        return new String[] {
            versions.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "))
        };
    }
}
