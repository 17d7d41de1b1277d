package dev.hashi.content.media;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An asset as entries show it, kept from media-service's events. A deleted asset stays as a tombstone
 * ({@code deleted}, with nothing else but its id, version and kind), so a late or replayed older event cannot bring
 * it back and delivery can tell "deleted" from "never known".
 *
 * @param version        the asset's event version this summary reflects
 * @param sizeBytes      size of the default variant in bytes, {@code null} when no binary is stored
 * @param availability   {@code available}, {@code on_request} or {@code pending}; {@code null} for a tombstone
 * @param variantLocales locale tags that have a binary variant
 * @param contactText    for {@code on_request}: the contact text per locale tag
 * @param contactEntryId for {@code on_request}: the content entry to contact, or {@code null}
 * @param expectedDate   for {@code pending}: the ISO date the asset is expected, or {@code null}
 * @param variants       every stored variant, in locale order
 * @param downloadPath   where the asset's content is downloaded ({@value #DOWNLOAD_PATH} with the id)
 * @param deleted        the asset was deleted
 * @param deletedAt      when the deletion event occurred, for a tombstone
 */
public record MediaSummary(
        @JsonProperty("_id") String assetId,
        long version,
        String kind,
        Map<String, String> titles,
        Long sizeBytes,
        String contentType,
        String availability,
        List<String> variantLocales,
        Map<String, String> contactText,
        String contactEntryId,
        String expectedDate,
        List<Variant> variants,
        String downloadPath,
        boolean deleted,
        Instant deletedAt) {

    /** The download path of an asset's content, through the gateway; {@code {id}} is the asset id. */
    public static final String DOWNLOAD_PATH = "/api/media/assets/{id}/content";

    public MediaSummary {
        titles = titles == null ? Map.of() : Map.copyOf(titles);
        variantLocales = variantLocales == null ? List.of() : List.copyOf(variantLocales);
        contactText = contactText == null ? Map.of() : Map.copyOf(contactText);
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /**
     * One stored binary of the asset.
     *
     * @param locale      the locale tag the variant is for
     * @param sizeBytes   size in bytes
     * @param contentType the content type detected from the bytes
     * @param fileName    the original file name, for display
     */
    public record Variant(String locale, long sizeBytes, String contentType, String fileName) {}

    static String downloadPathOf(String assetId) {
        return DOWNLOAD_PATH.replace("{id}", assetId);
    }
}
