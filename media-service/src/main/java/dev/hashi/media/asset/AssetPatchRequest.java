package dev.hashi.media.asset;

import java.util.Map;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A change to an asset: only the members present change. Within {@code title}, {@code alt} and {@code caption}
 * only the locales named change ({@code null} removes that locale's text); other locales keep theirs.
 * {@code availability}, when present, replaces the availability as a whole.
 */
@Schema(
        description = "Only the members present change; within title, alt and caption only the locales named"
                + " (null removes that locale's text). availability, when present, is replaced as a whole.",
        example = """
                {"title": {"en": {"text": "Fukuoka City's environmental cooperation", "origin": "ja"}},
                 "caption": {"en": null}}""")
public record AssetPatchRequest(
        @Schema(allowableValues = {"presentation", "document", "image", "audio", "video", "other"})
        String kind,

        Map<String, @Valid LocalizedTextInput> title,
        Map<String, @Valid LocalizedTextInput> alt,
        Map<String, @Valid LocalizedTextInput> caption,
        @Valid AvailabilityInput availability) {}
