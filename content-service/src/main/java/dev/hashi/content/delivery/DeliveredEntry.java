package dev.hashi.content.delivery;

import java.time.Instant;
import java.util.Map;

import dev.hashi.content.media.MediaSummary;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An entry as delivered in one locale.
 *
 * @param type     the content type key
 * @param locale   the negotiated locale
 * @param version  the entry version delivered (for preview, the current draft's)
 * @param fields   nested by field key; each value a {@link Value}; component lists as arrays of items with ids
 * @param media    summaries of the assets the fields reference, by asset id
 * @param slugs    the slug of each locale this entry is available in
 */
record DeliveredEntry(
        String entryId,
        String type,
        String locale,
        String slug,
        long version,
        Instant publishedAt,
        boolean preview,
        Map<String, Object> fields,
        Map<String, MediaView> media,
        Map<String, String> slugs) {

    /**
     * One delivered value.
     *
     * @param locale   the locale the value is actually in ({@code null} for fields that are not localized)
     * @param fallback whether it is in another locale than the one asked for (e.g. "Japanese only")
     */
    @Schema(name = "DeliveredValue")
    public record Value(Object value, String locale, boolean fallback) {}

    /**
     * What a reader needs to show or fetch an asset.
     *
     * @param availability {@code available}, {@code on_request} or {@code pending}
     */
    @Schema(name = "DeliveredMedia")
    public record MediaView(
            String kind,
            Map<String, String> titles,
            Long sizeBytes,
            String contentType,
            String availability,
            java.util.List<String> variantLocales) {

        static MediaView of(MediaSummary summary) {
            return new MediaView(
                    summary.kind(),
                    summary.titles(),
                    summary.sizeBytes(),
                    summary.contentType(),
                    summary.availability(),
                    summary.variantLocales());
        }
    }

    /** Where an old slug now lives. */
    @Schema(name = "DeliveryMoved")
    public record Moved(String location, String slug, String locale) {}
}
