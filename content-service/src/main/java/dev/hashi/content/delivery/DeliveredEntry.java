package dev.hashi.content.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An entry as delivered in one locale.
 *
 * @param type            the content type key
 * @param locale          the negotiated locale
 * @param localePublished whether that locale itself is published; when {@code false} the page is resolved from the
 *                        published locales along its fallback chain and every localized value is a fallback
 * @param slug            the locale's canonical slug (for a locale that is not published: the served snapshot's)
 * @param version         the published revision of the served snapshot (for preview, the current draft's)
 * @param fields          nested by field key; each value a {@link Value}; component lists as arrays of items with ids
 * @param media           the assets the fields reference, by asset id (the same views the fields carry)
 * @param slugs           the slug of each published locale
 */
record DeliveredEntry(
        String entryId,
        String type,
        String locale,
        boolean localePublished,
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
     * @param value     text, rich text, ISO date, number, boolean, an entry or asset id, or for reference and media
     *                  lists an array of ids
     * @param locale    the locale the value is actually in ({@code null} for fields that are not localized)
     * @param fallback  whether it is in another locale than the one asked for (e.g. "Japanese only")
     * @param formatted for dates and numbers: the value as the delivered locale writes it ({@code October 28, 2003},
     *                  {@code 2003年10月28日}); absent otherwise
     * @param media     for media fields: the referenced assets, in the order of the ids; absent otherwise
     * @param entries   for reference fields while {@code include} allows: the referenced entries in the order of the
     *                  ids, each a delivered entry or a {@link Reference} when it is not inlined; absent otherwise
     * @param translation for a localized value that is a translation (written from another locale's source): where
     *                  it came from; absent for source values, fields that are not localized, and values published
     *                  before provenance was kept
     */
    @Schema(name = "DeliveredValue")
    public record Value(
            Object value,
            String locale,
            boolean fallback,
            @JsonInclude(JsonInclude.Include.NON_NULL) String formatted,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<MediaView> media,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Object> entries,
            @JsonInclude(JsonInclude.Include.NON_NULL) Translation translation) {}

    /**
     * The provenance of a translated value. Who translated it is not delivered.
     *
     * @param from     the source locale it was translated from
     * @param via      {@value #VIA_UNIT}: landed from translation-service after review; {@value #VIA_EDITOR}: typed
     *                 into the locale in the content editor
     * @param unitId   for {@value #VIA_UNIT}: the translation unit; absent otherwise
     * @param at       when the translation was written into the locale
     * @param outdated {@code true} when the published source value has changed since it was translated; absent when
     *                 it has not, or when the source locale is not published
     */
    @Schema(name = "DeliveredTranslation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Translation(
            String from,

            @Schema(allowableValues = {VIA_UNIT, VIA_EDITOR})
            String via,

            String unitId,
            Instant at,
            Boolean outdated) {

        /** {@code via} of a translation that landed from a translation unit. */
        public static final String VIA_UNIT = "translation-unit";
        /** {@code via} of a translation typed directly into the locale. */
        public static final String VIA_EDITOR = "editor";
    }

    /**
     * A referenced entry that is not inlined.
     *
     * @param available {@code false}: nothing of it can be delivered in the locale (not published along the chain,
     *                  or deleted)
     * @param cycle     {@code true}: it is an entry that contains this reference, already in the body
     */
    @Schema(name = "DeliveredReference")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reference(String entryId, boolean available, Boolean cycle) {}

    /**
     * Every deliverable locale of an entry at once ({@code ?locale=*}).
     *
     * @param locale  always {@code *}
     * @param slug    the canonical slug (that of the first deliverable locale in configured order)
     * @param locales by locale tag, the entry as delivered in that locale
     */
    @Schema(name = "DeliveredEntryLocales")
    public record AllLocales(
            String entryId,
            String type,
            String locale,
            String slug,
            Map<String, String> slugs,
            Map<String, DeliveredEntry> locales) {}

    /**
     * What a reader needs to show or fetch an asset. Members that do not apply are left out.
     *
     * @param availability   {@code available}, {@code on_request} (no download: contact someone), {@code pending}
     *                       (not yet available) or {@code missing} (deleted, or never announced by media-service)
     * @param sizeBytes      size of the default variant in bytes
     * @param size           {@code sizeBytes} formatted for the delivered locale, e.g. {@code 6.5 MB}
     * @param variantLocales locale tags that have a binary variant
     * @param contact        for {@code on_request}: whom to ask, in the delivered locale or along its fallback chain
     * @param expectedDate   for {@code pending}: the ISO date the asset is expected
     * @param expectedDateText {@code expectedDate} as the delivered locale writes it, e.g. {@code 2003年10月28日}
     * @param downloadPath   for {@code available}: where the content is downloaded
     *                       ({@code /api/media/assets/{id}/content}; {@code ?locale=} picks a variant)
     */
    @Schema(name = "DeliveredMedia")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MediaView(
            String assetId,
            String availability,
            String kind,
            Map<String, String> titles,
            Long sizeBytes,
            String size,
            String contentType,
            List<String> variantLocales,
            List<VariantView> variants,
            Contact contact,
            String expectedDate,
            String expectedDateText,
            String downloadPath) {}

    /** One binary variant of an asset, its size formatted for the delivered locale. */
    @Schema(name = "DeliveredMediaVariant")
    public record VariantView(String locale, long sizeBytes, String size, String contentType) {}

    /**
     * Whom to ask for an asset that is available on request.
     *
     * @param text     the contact text, {@code null} when media-service has none
     * @param locale   the locale the text is in
     * @param fallback whether that is another locale than the delivered one
     * @param entryId  the content entry to contact (e.g. the Secretariat's organisation entry), or {@code null}
     */
    @Schema(name = "DeliveredMediaContact")
    public record Contact(String text, String locale, boolean fallback, String entryId) {}

    /** Where an old slug now lives. */
    @Schema(name = "DeliveryMoved")
    public record Moved(String location, String slug, String locale) {}
}
