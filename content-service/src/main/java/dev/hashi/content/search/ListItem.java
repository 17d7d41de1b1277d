package dev.hashi.content.search;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One entry of a delivery list, in the list's locale.
 *
 * @param slug            the slug to fetch the entry by, in {@code slugLocale}
 * @param slugLocale      the published locale that serves the entry: the list's locale when it is published there,
 *                        else the first published locale of its fallback chain
 * @param locale          the list's (negotiated) locale
 * @param localePublished whether the entry is published in {@code locale} itself; when not, every value is a fallback
 * @param publishedAt     when the serving locale was published
 * @param fields          the requested fields that have a value, by field key
 */
@Schema(name = "DeliveryListItem")
record ListItem(
        String entryId,
        String type,
        String slug,
        String slugLocale,
        String locale,
        boolean localePublished,
        Instant publishedAt,
        Map<String, Value> fields) {

    /**
     * One delivered value.
     *
     * @param value    text, ISO date, number, boolean, an id, or for list fields an array of ids
     * @param locale   the locale the value is in ({@code null} for fields that are not localized)
     * @param fallback whether that is another locale than the list's
     */
    @Schema(name = "DeliveryListValue")
    record Value(Object value, String locale, boolean fallback) {}
}
