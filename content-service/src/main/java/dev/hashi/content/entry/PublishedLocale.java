package dev.hashi.content.entry;

import java.time.Instant;
import java.util.List;

/**
 * What delivery serves for one locale: the values resolved along the locale's fallback chain when it was published.
 *
 * @param revision the entry version that was published
 */
public record PublishedLocale(
        long revision, Instant at, String by, String slug, List<ItemList> lists, List<Resolved> values) {

    /**
     * One delivered value.
     *
     * @param locale the locale the value is actually in; differs from the published locale when it fell back;
     *               {@code null} for fields that are not localized
     */
    public record Resolved(String path, Object value, String locale) {}
}
