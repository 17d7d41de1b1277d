package dev.hashi.media.asset;

import java.time.Instant;
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
                asset.version(),
                asset.createdAt(),
                asset.createdBy(),
                asset.updatedAt(),
                asset.updatedBy());
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
