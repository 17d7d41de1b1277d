package dev.hashi.media.asset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/** An asset's metadata as the API shows it. */
@Schema(description = "An asset's metadata.")
public record AssetView(
        @Schema(example = "a-3f2b8c1e-5d4a-4e0f-9b7c-2a1d0e6f8b9c")
        String assetId,

        @Schema(allowableValues = {"presentation", "document", "image", "audio", "video", "other"})
        String kind,

        @Schema(description = "Title per locale.") Map<String, LocalizedText> title,

        @Schema(description = "Alternative text per locale.")
        Map<String, LocalizedText> alt,

        @Schema(description = "Caption per locale.") Map<String, LocalizedText> caption,
        AvailabilityView availability,

        @Schema(description = "The binary variants, in locale order.")
        List<VariantView> variants,

        @Schema(description = "Whether content references the asset (in a draft or published).")
        boolean referenced,

        @Schema(description = "The version, also sent as the ETag.", example = "1")
        long version,

        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    static AssetView of(Asset asset) {
        return new AssetView(
                asset.id(),
                asset.kind().wire(),
                asset.texts(MetadataField.TITLE),
                asset.texts(MetadataField.ALT),
                asset.texts(MetadataField.CAPTION),
                AvailabilityView.of(asset.availability()),
                asset.variants().values().stream()
                        .map(variant -> VariantView.of(asset.id(), variant))
                        .toList(),
                asset.references().isReferenced(),
                asset.version(),
                asset.createdAt(),
                asset.createdBy(),
                asset.updatedAt(),
                asset.updatedBy());
    }

    /** A variant as the API shows it. */
    @Schema(name = "Variant")
    public record VariantView(
            @Schema(example = "ja") String locale,
            @Schema(example = "6815744") long sizeBytes,

            @Schema(description = "Detected from the bytes; what downloads declare.", example = "application/pdf")
            String contentType,

            @Schema(description = "What the uploader declared.")
            String declaredType,

            @Schema(description = "The original file name (NFC).", example = "福岡市の取組み.pdf")
            String fileName,

            @Schema(description = "SHA-256 of the bytes (hex); the download's ETag.")
            String sha256,

            Instant storedAt,

            @Schema(example = "/api/media/assets/a-3f2b8c1e/content?locale=ja")
            String downloadPath) {

        static VariantView of(String assetId, Variant variant) {
            return new VariantView(
                    variant.locale(),
                    variant.sizeBytes(),
                    variant.contentType(),
                    variant.declaredType(),
                    variant.fileName(),
                    variant.sha256(),
                    variant.storedAt(),
                    AssetController.PATH + "/" + assetId + "/content?locale=" + variant.locale());
        }
    }

    /** Availability as the API shows it; members that do not apply to the state are left out. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Availability")
    public record AvailabilityView(
            @Schema(
                    allowableValues = {"available", "on_request", "pending"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String state,

            Map<String, LocalizedText> contactText,
            String contactEntryId,
            @Schema(format = "date") String expectedAt) {

        static AvailabilityView of(Availability availability) {
            return new AvailabilityView(
                    availability.state().wire(),
                    availability.contactText(),
                    availability.contactEntryId(),
                    availability.expectedAt() == null
                            ? null
                            : availability.expectedAt().toString());
        }
    }
}
