package dev.hashi.media.asset;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new asset's metadata.
 *
 * @param kind         what the asset is
 * @param title        the title per locale; at least one
 * @param alt          alternative text per locale (images), optional
 * @param caption      caption per locale, optional
 * @param availability whether and how it can be had; {@code available} when absent
 */
@Schema(description = "A new asset's metadata.", example = """
                {"kind": "presentation",
                 "title": {"ja": {"text": "福岡市における環境国際協力の取組み"},
                           "en": {"text": "Fukuoka City's international environmental cooperation", "origin": "ja"}},
                 "availability": {"state": "on_request",
                                  "contactText": {"en": {"text": "Too large for download; please contact the Secretariat."}},
                                  "contactEntryId": "e-secretariat"}}""")
public record AssetCreateRequest(
        @NotBlank @Schema(allowableValues = {"presentation", "document", "image", "audio", "video", "other"})
        String kind,

        @NotEmpty Map<String, @Valid LocalizedTextInput> title,
        Map<String, @Valid LocalizedTextInput> alt,
        Map<String, @Valid LocalizedTextInput> caption,
        @Valid AvailabilityInput availability) {}
