package dev.hashi.content.entry;

import java.time.Instant;
import java.util.List;

/**
 * What one locale published: the values in that locale and those of fields that are not localized. Snapshots
 * written before fallbacks were resolved at serve time also hold values of other locales; readers keep only the
 * values whose locale is {@code null} or the published locale.
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
     * @param origin where a localized value came from (its source locale, unit and source hash when it is a
     *               translation); {@code null} for fields that are not localized and in snapshots published before
     *               origins were kept
     */
    public record Resolved(String path, Object value, String locale, Origin origin) {

        /** A value without a known origin. */
        public Resolved(String path, Object value, String locale) {
            this(path, value, locale, null);
        }
    }
}
